import CallAuditCore
import CallStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

@Suite("Callbacks in the API")
struct CallbacksAPITests {
    @Test("a call shows its callback deliveries without the URL's secrets, and an admin sends failed ones again")
    func showAndReplay() async throws {
        try await IngestHarness.with(environment: [
            "ADMIN_API_KEYS": "admin-key", "CALLBACK_URLS": "https://crm.example.com/hooks/calls?token=s3cret",
        ]) { harness, client in
            try await ReportsTests.store(harness, manager: "anna", score: 70)
            let id = try #require(try await harness.repository.list(.init(), limit: 1, cursor: nil).calls.first?.id)
            let path = "/v1/calls/\(id.uuidString.lowercased())"
            let pending = try #require((try await client.get(path).json["callbacks"] as? [[String: Any]])?.first)
            #expect(pending["url"] as? String == "https://crm.example.com/hooks/calls")
            #expect(pending["event"] as? String == "call.done")
            #expect(pending["status"] as? String == "pending")
            #expect((pending["attempts"] as? [Any])?.isEmpty == true)

            let delivery = try #require(try await harness.repository.claimDueCallbacks(limit: 1, lease: .seconds(30)).first)
            try await harness.repository.recordCallbackAttempt(CallbackAttempt(
                deliveryID: delivery.id, attempt: delivery.attempt, httpStatus: 410, latencyMilliseconds: 12,
                error: "HTTP 410", next: .failed))
            let failed = try #require((try await client.get(path).json["callbacks"] as? [[String: Any]])?.first)
            #expect(failed["status"] as? String == "failed")
            #expect((failed["attempts"] as? [[String: Any]])?.first?["http_status"] as? Int == 410)
            #expect((try await client.get("/v1/calls").json["calls"] as? [[String: Any]])?.first?["callbacks"] == nil,
                    "lists do not carry callbacks")

            let replay = "\(path.replacingOccurrences(of: "/v1/calls/", with: "/v1/admin/calls/"))/callbacks/replay"
            #expect(try await client.post(replay, json: "").status == .unauthorized)
            let replayed = try await client.post(replay, json: "", headers: [.authorization: "Bearer admin-key"])
            #expect(replayed.status == .ok)
            #expect(replayed.json["replayed"] as? Int == 1)
            #expect((try await client.get(path).json["callbacks"] as? [[String: Any]])?.first?["status"] as? String == "pending")
            let unknown = try await client.post("/v1/admin/calls/\(UUID().uuidString)/callbacks/replay", json: "",
                                                headers: [.authorization: "Bearer admin-key"])
            #expect(unknown.status == .notFound)
        }
    }
}
