import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// The managers' screens.
extension DashboardController {
    func managers(_ request: Request) async throws -> Response {
        do {
            let period = try Self.period(request)
            let sorting = try ReportQuery.page(request.uri.queryParameters)
            let found = try await calls.managerPage(period, page: sorting)
            return page(request, section: .managers, title: "managers_title", template: "managers") {
                ManagersPage(language: $0, period: period, request: sorting, managers: found.managers)
            }
        } catch let error as CallAuditError {
            let period = ReportQuery.defaultPeriod
            return page(request, section: .managers, title: "managers_title", template: "managers",
                        status: HTTPResponse.Status(code: error.status)) {
                ManagersPage(language: $0, period: period, request: ManagerPageRequest(), managers: [], error: error.message)
            }
        }
    }

    func manager(_ request: Request, context: Context) async throws -> Response {
        guard let managerID = context.parameters.get("manager_id") else { throw CallAuditError.notFound("no such manager") }
        let period = try Self.period(request)
        let report = try await calls.managerReport(
            managerID, period: period, bucket: try ReportQuery.bucket(request.uri.queryParameters), recentLimit: 20)
        let team = try await calls.managerPage(period, page: ManagerPageRequest()).managers
        let weakest = (report.summary?.criteria ?? []).sorted { $0.average < $1.average }.prefix(3).map(\.key)
        let examples = try await calls.weakestExamples(managerID, period: period, keys: weakest)
        return page(request, section: .managers, title: "manager_title", template: "manager") {
            ManagerDetailPage(language: $0, managerID: managerID, period: period, report: report, team: team,
                              examples: examples)
        }
    }

    /// The period of a managers' screen: `to` given as a day (as the date fields send it) includes that day.
    static func period(_ request: Request) throws -> ReportPeriod {
        var period = try ReportQuery.period(request.uri.queryParameters)
        if givesDay(request, "to") { period.to = period.to.addingTimeInterval(86_400) }
        return period
    }
}
