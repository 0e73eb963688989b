import Callbacks
import CurlHTTP
import Foundation
import Testing
import TestSupport

/// Callbacks, the drop folder and questions about a call through both binaries as real processes, against stand-ins
/// for the CRM and the AI provider.
@Suite("Callbacks, drop folder and chat through the whole stack")
struct CloseTheLoopEndToEndTests {
    @Test("a file dropped in becomes a call, its signed event reaches the CRM once, and a question about it streams an answer")
    func dropAnalyzeCallBackAsk() async throws {
        let inbox = FileManager.default.temporaryDirectory.appendingPathComponent("e2e-inbox-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: inbox) }
        try FileManager.default.createDirectory(atPath: inbox + "/anna", withIntermediateDirectories: true)
        try await FakeProviderServer.with { fake in
            try await Stack.with(environment: [
                "INBOX_DIR": inbox, "INBOX_SETTLE_SECONDS": "0", "INBOX_SCAN_MILLISECONDS": "200",
                "OPENAI_API_KEY": "sk-e2e", "OPENAI_BASE_URL": fake.baseURL + "/v1",
                "CALLBACK_URLS": fake.baseURL + "/crm/calls", "CALLBACK_SECRET": "crm-secret", "CALLBACK_ALLOW_PRIVATE": "true",
                "CALLBACK_POLL_MILLISECONDS": "200",
            ]) { stack in
                try stack.startWorker()
                try Data("Manager: Hello, this is Anna from Acme.\nCustomer: What is the price of the plan?".utf8)
                    .write(to: URL(fileURLWithPath: inbox + "/anna/first.txt"))
                _ = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1)
                #expect(FileManager.default.fileExists(atPath: inbox + "/processed/anna/first.txt"))
                _ = try await stack.waitForCount(
                    "SELECT count(*) FROM callback_deliveries WHERE status = 'delivered'", toReach: 1, timeout: .seconds(30))
                let events = await fake.requests("/crm/calls")
                #expect(events.count == 1)
                let event = try #require(events.first)
                let call = try #require(event.json?["call"] as? [String: Any])
                #expect(call["manager_id"] as? String == "anna")
                let timestamp = try #require(event.headers["x-callaudit-timestamp"].flatMap(Int.init))
                let signature = try #require(event.headers["x-callaudit-signature"])
                #expect(CallbackSignature(secret: "crm-secret").verify(signature: signature, body: event.body, timestamp: timestamp))

                let id = try #require(call["id"] as? String)
                let answer = try await stack.request("POST", "/v1/calls/\(id)/chat", json: #"{"question": "What about the price?"}"#)
                #expect(answer.status == 200)
                let text = answer.text ?? ""
                #expect(text.contains("event: chunk"))
                #expect(text.contains(#""provider":"openai""#))
                #expect((await fake.requests("chat/completions")).last?.json?["stream"] as? Bool == true)
            }
        }
    }

    @Test("a worker killed between the result's commit and the event's delivery: the restarted worker delivers it, once")
    func killedBeforeDelivery() async throws {
        try await FakeProviderServer.with { crm in
            try await Stack.with(environment: ["CALLBACK_URLS": crm.baseURL + "/crm/calls", "CALLBACK_ALLOW_PRIVATE": "true"]) { stack in
                // This worker reads the outbox once at start, then not for a minute: it ends the call and dies before
                // its next look.
                let victim = try stack.startWorker(["CALLBACK_POLL_MILLISECONDS": "60000"])
                try await Task.sleep(for: .seconds(2))
                _ = try await stack.submit(json: #"{"dialog_text": "Agent: Hello, how can I help? Customer: The price, please."}"#)
                _ = try await stack.waitForCount("SELECT count(*) FROM callback_deliveries", toReach: 1)
                await victim.kill9()
                #expect(await crm.requests("/crm/").isEmpty)
                try stack.startWorker(["CALLBACK_POLL_MILLISECONDS": "200"])
                _ = try await stack.waitForCount(
                    "SELECT count(*) FROM callback_deliveries WHERE status = 'delivered'", toReach: 1, timeout: .seconds(30))
                try await Task.sleep(for: .seconds(1))
                #expect(await crm.requests("/crm/").count == 1)
            }
        }
    }
}
