import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// `GET /v1/reports/managers` and `GET /v1/reports/managers/{manager_id}`, as JSON or, with `Accept: text/csv`, CSV.
struct ReportsController<Context: RequestContext>: Sendable {
    let calls: any CallStorage

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/reports/managers", method: .get) { request, context in try await managers(request, context: context) }
        routes.on("/v1/reports/managers/:manager_id", method: .get) { request, context in
            try await manager(request, context: context)
        }
    }

    func managers(_ request: Request, context: Context) async throws -> Response {
        let query = request.uri.queryParameters
        let period = try ReportQuery.period(query)
        let page = try ReportQuery.page(query)
        let result = try await calls.managerPage(period, page: page)
        let summaries = result.managers
        if Self.wantsCSV(request) {
            let keys = Array(Set(summaries.flatMap { $0.criteria.map(\.key) })).sorted()
            let rows = summaries.map { summary in
                let averages = Dictionary(summary.criteria.map { ($0.key, $0.average) }, uniquingKeysWith: { first, _ in first })
                return [summary.managerID, String(summary.calls), CSVTable.number(summary.averageScore),
                        String(summary.minScore), String(summary.maxScore),
                        CSVTable.number(summary.negativeSentimentShare), String(summary.callsWithProfanity),
                        String(summary.reviewedCalls),
                        CSVTable.timestamp(summary.lastCallAt), CSVTable.fixed(summary.costUSD, decimals: 6)]
                    + keys.map { averages[$0].map(CSVTable.number) ?? "" }
            }
            let header = ["manager_id", "calls", "avg_score", "min_score", "max_score", "negative_sentiment_share",
                          "calls_with_profanity", "reviewed_calls", "last_call_at", "cost_usd"] + keys
            return try CSVTable(header: header, rows: rows, filename: "managers.csv").response(from: request, context: context)
        }
        return try ManagersReportView(period: period, page: page, result: result).response(from: request, context: context)
    }

    func manager(_ request: Request, context: Context) async throws -> Response {
        guard let managerID = context.parameters.get("manager_id") else {
            throw CallAuditError.notFound("no such manager")
        }
        let query = request.uri.queryParameters
        let period = try ReportQuery.period(query)
        let report = try await calls.managerReport(
            managerID, period: period, bucket: try ReportQuery.bucket(query), recentLimit: 10)
        if Self.wantsCSV(request) {
            let rows = report.trend.map {
                [managerID, CSVTable.timestamp($0.periodStart), String($0.calls), CSVTable.number($0.averageScore)]
            }
            return try CSVTable(header: ["manager_id", "period_start", "calls", "avg_score"], rows: rows,
                                filename: "manager-trend.csv").response(from: request, context: context)
        }
        return try ManagerReportView(managerID: managerID, from: period.from, to: period.to, mode: period.mode, report: report)
            .response(from: request, context: context)
    }

    static func wantsCSV(_ request: Request) -> Bool {
        request.uri.queryParameters["format"] == "csv" || (request.headers[.accept]?.contains("text/csv") ?? false)
    }
}
