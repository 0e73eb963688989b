import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

@Suite("Per-manager reports over HTTP")
struct ReportsTests {
    static func store(_ harness: IngestHarness, manager: String, score: Int, mode: CallMode = .manager) async throws {
        let call = NewCall(managerID: manager, mode: mode, source: .text, dialogText: "Manager: hi")
        _ = try await harness.repository.insert(call)
        let criteria = Rubric.forMode(mode).criteria.map {
            CriterionScore(key: $0.key, name: $0.name, score: score, weight: $0.weight)
        }
        let result = AnalysisResult(
            totalScore: score, criteria: criteria, summary: "s", recommendations: [], language: "en",
            sentiment: Sentiment(overall: SentimentScore(score: score < 50 ? -0.6 : 0.6), manager: SentimentScore(score: 0),
                                 customer: SentimentScore(score: 0)),
            profanity: Profanity(spans: []), segments: [],
            metrics: CallMetrics(talkRatioManager: 1, turns: 1, managerQuestions: 0, customerQuestions: 0, managerWords: 1,
                                 customerWords: 0, longestMonologueWords: 1),
            providers: [])
        try await harness.repository.saveResult(call.id, result: result, usage: [])
    }

    @Test("JSON and CSV per-manager reports carry the stored figures")
    func managers() async throws {
        try await IngestHarness.with { harness, client in
            try await Self.store(harness, manager: "anna", score: 90)
            try await Self.store(harness, manager: "anna", score: 70)
            try await Self.store(harness, manager: "boris", score: 20)
            try await Self.store(harness, manager: "boris", score: 40, mode: .dialog)

            let report = try await client.get("/v1/reports/managers")
            #expect(report.status == .ok)
            let managers = try #require(report.json["managers"] as? [[String: Any]])
            #expect(managers.map { $0["manager_id"] as? String } == ["anna", "boris"])
            #expect(managers[0]["calls"] as? Int == 2)
            #expect(managers[0]["avg_score"] as? Double == 80)
            #expect(managers[1]["min_score"] as? Int == 20)
            #expect(managers[1]["negative_sentiment_share"] as? Double == 1)

            let dialog = try await client.get("/v1/reports/managers?mode=dialog")
            let dialogManagers = try #require(dialog.json["managers"] as? [[String: Any]])
            #expect(dialogManagers.count == 1)
            #expect(dialogManagers.first?["avg_score"] as? Double == 40)

            let csv = try await client.get("/v1/reports/managers", headers: [.accept: "text/csv"])
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.count == 3)
            #expect(lines[0].hasPrefix("manager_id,calls,avg_score,min_score,max_score"))
            #expect(lines[1].hasPrefix("anna,2,80.00,70,90"))
        }
    }

    @Test("one manager's report has totals, a daily trend and recent calls")
    func oneManager() async throws {
        try await IngestHarness.with { harness, client in
            try await Self.store(harness, manager: "anna", score: 90)
            try await Self.store(harness, manager: "anna", score: 60)
            let report = try await client.get("/v1/reports/managers/anna?bucket=week")
            #expect(report.status == .ok)
            #expect((report.json["summary"] as? [String: Any])?["calls"] as? Int == 2)
            #expect(report.json["bucket"] as? String == "week")
            let trend = try #require(report.json["trend"] as? [[String: Any]])
            #expect(trend.count == 1)
            #expect(trend.first?["avg_score"] as? Double == 75)
            #expect((report.json["recent_calls"] as? [Any])?.count == 2)
            let nobody = try await client.get("/v1/reports/managers/nobody")
            #expect(nobody.status == .ok)
            #expect(nobody.json["summary"] == nil)
            let csv = try await client.get("/v1/reports/managers/anna?format=csv")
            #expect(csv.text.hasPrefix("manager_id,period_start,calls,avg_score\r\nanna,"))
        }
    }

    @Test("the per-manager report pages and sorts, in JSON and CSV, and refuses a bad page with a 400")
    func pagesAndSorting() async throws {
        try await IngestHarness.with { harness, client in
            try await Self.store(harness, manager: "anna", score: 90)
            try await Self.store(harness, manager: "anna", score: 70)
            try await Self.store(harness, manager: "boris", score: 20)
            try await Self.store(harness, manager: "chen", score: 60)

            let first = try await client.get("/v1/reports/managers?sort=average&limit=2")
            #expect(first.status == .ok)
            #expect((first.json["managers"] as? [[String: Any]])?.map { $0["manager_id"] as? String } == ["anna", "chen"])
            #expect(first.json["total_managers"] as? Int == 3)
            #expect(first.json["limit"] as? Int == 2)
            #expect(first.json["next_offset"] as? Int == 2)
            let last = try await client.get("/v1/reports/managers?sort=average&limit=2&offset=2")
            #expect((last.json["managers"] as? [[String: Any]])?.map { $0["manager_id"] as? String } == ["boris"])
            #expect(last.json["next_offset"] == nil)
            let ascending = try await client.get("/v1/reports/managers?sort=criterion:needs_discovery&order=asc")
            #expect((ascending.json["managers"] as? [[String: Any]])?.map { $0["manager_id"] as? String } == ["boris", "chen", "anna"])
            let byCalls = try await client.get("/v1/reports/managers?sort=calls&limit=1&format=csv")
            let lines = byCalls.text.split(separator: "\r\n")
            #expect(lines.count == 2)
            #expect(lines[1].hasPrefix("anna,2,"))

            for query in ["limit=0", "limit=1001", "offset=-1", "sort=name", "sort=criterion:", "order=up"] {
                let response = try await client.get("/v1/reports/managers?" + query)
                #expect(response.status == .badRequest, "\(query)")
                #expect((response.json["error"] as? [String: Any])?["code"] as? String != nil)
            }
        }
    }
}
