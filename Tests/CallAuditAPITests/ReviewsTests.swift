import CallAuditCore
import CallStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

@Suite("Reviews in the admin API")
struct ReviewsTests {
    @Test("an admin overrides a score with a reason; the call, the trail and the report show it; bad reviews are 4xx")
    func review() async throws {
        try await IngestHarness.with(environment: ["ADMIN_API_KEYS": "admin-key"]) { harness, client in
            try await ReportsTests.store(harness, manager: "anna", score: 40)
            let id = try #require(try await harness.repository.list(.init(), limit: 1, cursor: nil).calls.first?.id)
            let path = "/v1/admin/calls/\(id.uuidString.lowercased())/reviews"
            let admin: HTTPFields = [.authorization: "Bearer admin-key"]

            #expect(try await client.post(path, json: #"{"criterion": "needs_discovery", "score": 90, "reason": "x"}"#)
                .status == .unauthorized)
            let missingReason = try await client.post(path, json: #"{"criterion": "needs_discovery", "score": 90}"#, headers: admin)
            #expect(missingReason.status == .badRequest)
            #expect(missingReason.errorCode == "missing_field")
            let unknown = try await client.post(path, json: #"{"criterion": "nonsense", "score": 90, "reason": "x"}"#, headers: admin)
            #expect(unknown.errorCode == "unknown_criterion")
            let outOfRange = try await client.post(path, json: #"{"criterion": "needs_discovery", "score": 101, "reason": "x"}"#,
                                                   headers: admin)
            #expect(outOfRange.errorCode == "invalid_score")
            let both = try await client.post(path, json: #"{"criterion": "needs_discovery", "score": 9, "notes": "n", "reason": "x"}"#,
                                             headers: admin)
            #expect(both.errorCode == "invalid_body")

            let created = try await client.post(
                path, json: #"{"criterion": "needs_discovery", "score": 90, "reason": "asked about the budget"}"#, headers: admin)
            #expect(created.status == .created)
            #expect(created.json["old_score"] as? Int == 40)
            #expect(created.json["new_score"] as? Int == 90)
            #expect((created.json["reviewer"] as? String)?.hasPrefix("admin key ") == true)
            _ = try await client.post(path, json: #"{"notes": "Close with a date", "reason": "coaching", "reviewer": "olga"}"#,
                                      headers: admin)

            let call = try await client.get("/v1/calls/\(id.uuidString.lowercased())")
            let result = try #require(call.json["result"] as? [String: Any])
            let criteria = try #require(result["criteria"] as? [[String: Any]])
            #expect(criteria.first { $0["key"] as? String == "needs_discovery" }?["score"] as? Int == 90)
            #expect(result["total_score"] as? Int ?? 0 > 40)

            let trail = try await client.get(path, headers: admin)
            #expect(trail.status == .ok)
            #expect(trail.json["notes"] as? String == "Close with a date")
            #expect((trail.json["reviews"] as? [[String: Any]])?.map { $0["reason"] as? String } == ["asked about the budget", "coaching"])

            let report = try await client.get("/v1/reports/managers")
            let anna = try #require((report.json["managers"] as? [[String: Any]])?.first)
            #expect(anna["avg_score"] as? Double == Double(result["total_score"] as? Int ?? 0))
            #expect(anna["reviewed_calls"] as? Int == 1)
            let csv = try await client.get("/v1/reports/managers?format=csv")
            #expect(csv.text.hasPrefix("manager_id,calls,avg_score,min_score,max_score,negative_sentiment_share,calls_with_profanity,reviewed_calls,"))

            let waiting = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi"}"#)
            let waitingID = try #require(waiting.json["id"] as? String)
            let early = try await client.post("/v1/admin/calls/\(waitingID)/reviews", json: #"{"notes": "n", "reason": "r"}"#,
                                              headers: admin)
            #expect(early.status == .conflict)
            #expect(try await client.get("/v1/admin/calls/\(UUID().uuidString)/reviews", headers: admin).status == .notFound)
        }
    }
}
