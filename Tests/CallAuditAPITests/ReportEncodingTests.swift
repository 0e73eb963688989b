import CallAuditCore
import Foundation
import NIOCore
import Testing

@testable import CallAuditAPI
@testable import CallStore

/// The every-manager report is written without `JSONEncoder` (``JSONTextWriter``) and its CSV without
/// `String(format:)`: what a client reads must be what the `Codable` types and `printf` would have given.
@Suite("Report bodies written by hand read as the Codable types and printf would write them")
struct ReportEncodingTests {
    /// The body as the `Codable` view wrote it before.
    struct Body: Codable, Equatable {
        var from: Date
        var to: Date
        var mode: CallMode?
        var managers: [ManagerSummary]
        var totalManagers: Int
        var limit: Int
        var offset: Int
        var nextOffset: Int?

        enum CodingKeys: String, CodingKey {
            case from, to, mode, managers, limit, offset
            case totalManagers = "total_managers"
            case nextOffset = "next_offset"
        }
    }

    static let names = ["Greeting \"and\" introduction", "Back\\slash / slash", "line\nbreak\r\ttab", "bell\u{07}\u{1F}",
                        "Приветствие", "인사와 소개", "emoji 📞", ""]

    static func page(managers count: Int) -> ManagerPage {
        let managers = (0..<count).map { index in
            ManagerSummary(
                managerID: "manager \"\(index)\" — Ким", calls: 1 + index * 7, averageScore: [60.02, 0, 100, 33.33, 0.1][index % 5],
                minScore: index % 40, maxScore: 60 + index % 41,
                criteria: names.enumerated().map { offset, name in
                    CriterionAverage(key: "key_\(offset)", name: name, average: Double(offset * 1_237 % 10_001) / 100,
                                     calls: offset + index)
                },
                negativeSentimentShare: [0, 0.05, 1, 0.33][index % 4], callsWithProfanity: index % 3, reviewedCalls: index % 2,
                lastCallAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(index) * 3_601),
                costUSD: [0, 0.000001, 12.345678, 1e-5, 1234567.5][index % 5])
        }
        return ManagerPage(managers: managers, total: count + 3)
    }

    static let period = ReportPeriod(
        from: Date(timeIntervalSince1970: 1_790_000_000), to: Date(timeIntervalSince1970: 1_795_000_000), mode: .dialog)

    @Test("the written JSON decodes to the report's values and parses to what JSONEncoder writes", arguments: [
        (period, ManagerPageRequest(limit: 2, offset: 0)),
        (ReportPeriod(from: period.from, to: period.to, mode: nil), ManagerPageRequest(limit: 1000, offset: 3)),
    ])
    func json(period: ReportPeriod, request: ManagerPageRequest) throws {
        let page = Self.page(managers: 12)
        let view = ManagersReportView(period: period, page: request, result: page)
        let written = Data(try view.json().bytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let body = try decoder.decode(Body.self, from: written)
        let expected = Body(from: period.from, to: period.to, mode: period.mode, managers: page.managers, totalManagers: 15,
                            limit: request.limit, offset: request.offset, nextOffset: view.nextOffset)
        #expect(body == expected)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let byWriter = try JSONSerialization.jsonObject(with: written) as? NSDictionary
        let byEncoder = try JSONSerialization.jsonObject(with: try encoder.encode(expected)) as? NSDictionary
        #expect(byWriter != nil && byWriter == byEncoder)
    }

    @Test("the route answers the page in the shape /openapi.json gives it")
    func route() async throws {
        let page = Self.page(managers: 3)
        try await InProcessTests.with(calls: RecordingCallStorage(managers: page)) { client in
            let response = try await client.get("/v1/reports/managers?limit=3")
            #expect(response.status == .ok, "\(response.text)")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let body = try decoder.decode(Body.self, from: Data(buffer: response.body))
            #expect(body.managers == page.managers && body.totalManagers == 6 && body.nextOffset == 3)
        }
    }

    @Test("a number that is not finite is refused, as JSONEncoder refuses it")
    func notFinite() {
        var page = Self.page(managers: 1)
        page.managers[0].averageScore = .nan
        let view = ManagersReportView(period: Self.period, page: ManagerPageRequest(), result: page)
        #expect(throws: EncodingError.self) { try view.json() }
    }

    @Test("figures print as %.2f and %.6f print them, and a cell with a line break is quoted")
    func csvFigures() {
        // Figures come rounded to the decimals they are printed with: scores and shares to two, costs to six.
        var values: [Double] = [0, 1, 0.5, 0.125, 0.375, 99.99, 100, 60.02, 1e-6, 12.345678, 1234567.5, -0.0, -2.5]
        var costs: [Double] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let raw = Double.random(in: 0...100_000, using: &generator)
            values.append((raw * 100).rounded() / 100)
            costs.append((raw / 1000 * 1_000_000).rounded() / 1_000_000)
        }
        for value in values {
            #expect(CSVTable.number(value) == String(format: "%.2f", value), "\(value)")
        }
        for value in values + costs {
            #expect(CSVTable.fixed(value, decimals: 6) == String(format: "%.6f", value), "\(value)")
        }
        #expect(CSVTable.fixed(.infinity, decimals: 2) == String(format: "%.2f", Double.infinity))
        #expect(CSVTable.escape("first\r\nsecond") == "\"first\r\nsecond\"")
        #expect(CSVTable.escape("say \"hi\", then") == "\"say \"\"hi\"\", then\"")
    }
}
