import CallAuditCore
import CoreExtensions
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

@Suite("Access: API keys, per-key rate limits, CORS and the dead-letter admin routes")
struct AccessTests {
    static let keys = ["API_KEYS": "key-alpha-SECRET, key-beta-SECRET"]
    static let text = #"{"dialog_text": "Agent: Hello. Customer: Hi.", "manager_id": "m"}"#

    static func bearer(_ key: String) -> HTTPFields {
        [.authorization: "Bearer \(key)"]
    }

    @Test("with API_KEYS a missing or wrong key is 401 on /v1 and seed routes; health, ready, metrics and the document stay open")
    func apiKeys() async throws {
        try await IngestHarness.with(environment: Self.keys) { harness, client in
            for path in ["/v1/calls", "/v1/reports/managers", "/v1/providers"] {
                let missing = try await client.get(path)
                #expect(missing.status == .unauthorized, "\(path)")
                #expect(missing.errorCode == "unauthorized")
                #expect(missing.headers[.wwwAuthenticate] == "Bearer")
                let wrong = try await client.get(path, headers: Self.bearer("key-alpha-SECRET-but-longer"))
                #expect(wrong.status == .unauthorized, "\(path)")
                #expect(!wrong.text.contains("SECRET"))
                #expect(try await client.get(path, headers: Self.bearer("key-beta-SECRET")).status == .ok, "\(path)")
            }
            #expect(try await client.post("/analyze_call", json: Self.text).status == .unauthorized)
            #expect(try await client.post("/v1/calls", json: Self.text).status == .unauthorized)
            #expect(try await client.post("/v1/calls", json: Self.text, headers: Self.bearer("key-alpha-SECRET")).status == .accepted)
            #expect(try await client.post("/v1/webhooks/crm", json: #"{"call_id": "x", "recording_url": "https://a.example/1.mp3"}"#)
                .status == .unauthorized, "without WEBHOOK_SECRET a webhook needs the key like the rest")
            for path in ["/health", "/ready", "/metrics", "/openapi.json"] {
                #expect(try await client.get(path).status == .ok, "\(path)")
            }
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.count == 1)
        }
    }

    @Test("a CRM webhook signed under WEBHOOK_SECRET needs no API key; unsigned it is still refused")
    func signedWebhook() async throws {
        try await IngestHarness.with(environment: Self.keys.merging(["WEBHOOK_SECRET": "hook-SECRET"]) { $1 }) { _, client in
            let body = #"{"call_id": "crm-7", "recording_url": "https://crm.example.com/7.mp3"}"#
            let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data("hook-SECRET".utf8)))
            let signature: HTTPFields = [HTTPField.Name("X-Signature")!: "sha256=" + mac.hexString]
            #expect(try await client.post("/v1/webhooks/crm", json: body, headers: signature).status == .accepted)
            let unsigned = try await client.post("/v1/webhooks/crm", json: body)
            #expect(unsigned.status == .unauthorized && unsigned.errorCode == "missing_signature")
            #expect(!unsigned.text.contains("hook-SECRET"))
        }
    }

    @Test("webhooks that need no key still count against the rate limit: an unsigned flood gets 429")
    func webhookRateLimit() async throws {
        let environment = Self.keys.merging(["WEBHOOK_SECRET": "hook-SECRET", "RATE_LIMIT_PER_MINUTE": "2"]) { $1 }
        try await IngestHarness.with(environment: environment) { _, client in
            // The budget is per clock minute: a flood that a loaded machine stretches across a minute's end is sent
            // again at the start of the next minute.
            let body = #"{"call_id": "crm-flood", "recording_url": "https://crm.example.com/f.mp3"}"#
            for attempt in 0..<2 {
                let second = Int(Date().timeIntervalSince1970) % 60
                if attempt > 0 || second >= 55 { try await Task.sleep(for: .seconds(61 - second)) }
                let minute = Int(Date().timeIntervalSince1970) / 60
                var statuses: [HTTPResponse.Status] = []
                for _ in 0..<4 { statuses.append(try await client.post("/v1/webhooks/crm", json: body).status) }
                guard Int(Date().timeIntervalSince1970) / 60 == minute else { continue }
                #expect(statuses == [.unauthorized, .unauthorized, .tooManyRequests, .tooManyRequests])
                return
            }
            Issue.record("both floods crossed a minute's end")
        }
    }

    @Test("past RATE_LIMIT_PER_MINUTE a key gets 429 with Retry-After; another key keeps its own budget")
    func rateLimit() async throws {
        try await IngestHarness.with(environment: Self.keys.merging(["RATE_LIMIT_PER_MINUTE": "5"]) { $1 }) { _, client in
            var statuses: [HTTPResponse.Status] = []
            var retryAfter: [String] = []
            for _ in 0..<12 {
                let response = try await client.get("/v1/calls", headers: Self.bearer("key-alpha-SECRET"))
                statuses.append(response.status)
                if response.status == .tooManyRequests {
                    retryAfter.append(response.headers[.retryAfter] ?? "")
                    #expect(response.errorCode == "rate_limited")
                }
            }
            let allowed = statuses.filter { $0 == .ok }.count
            #expect((5...10).contains(allowed), "five a minute (ten if the minute turned during the test): \(statuses)")
            #expect(retryAfter.allSatisfy { (1...60).contains(Int($0) ?? 0) } && !retryAfter.isEmpty)
            #expect(try await client.get("/v1/calls", headers: Self.bearer("key-beta-SECRET")).status == .ok)
            #expect(try await client.get("/health").status == .ok, "open routes are not counted")
        }
    }

    @Test("CORS is closed by default; with CORS_ALLOWED_ORIGINS a listed origin gets its headers and a preflight answer")
    func cors() async throws {
        let origin: HTTPFields = [.origin: "https://crm.example.com"]
        try await IngestHarness.with { _, client in
            let response = try await client.get("/v1/calls", headers: origin)
            #expect(response.status == .ok && response.headers[.accessControlAllowOrigin] == nil)
        }
        try await IngestHarness.with(environment: ["CORS_ALLOWED_ORIGINS": "https://crm.example.com, https://app.example.com"]) { _, client in
            let simple = try await client.get("/v1/calls", headers: origin)
            #expect(simple.headers[.accessControlAllowOrigin] == "https://crm.example.com")
            let preflight = try await client.execute(
                uri: "/v1/calls", method: .options,
                headers: [.origin: "https://crm.example.com", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            let stranger: HTTPFields = [.origin: "https://evil.example.net"]
            let refused = try await client.execute(uri: "/v1/calls", method: .options, headers: stranger)
            #expect(refused.status == .forbidden && refused.headers[.accessControlAllowOrigin] == nil)
            #expect(try await client.get("/v1/calls", headers: stranger).headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test("admin routes are refused with 403 while ADMIN_API_KEYS is unset, also in the open mode without API_KEYS")
    func adminRoutesOff() async throws {
        for environment in [[:], Self.keys] {
            try await IngestHarness.with(environment: environment) { _, client in
                let headers = Self.bearer("key-alpha-SECRET")
                for (method, path) in [(HTTPRequest.Method.get, "/v1/admin/dead-letters"), (.post, "/v1/admin/dead-letters/replay")] {
                    let refused = try await client.execute(uri: path, method: method, headers: headers, body: ByteBuffer(string: "{}"))
                    #expect(refused.status == .forbidden, "\(path)")
                    #expect(refused.errorCode == "admin_disabled")
                    #expect(refused.text.contains("ADMIN_API_KEYS"))
                }
            }
        }
    }

    @Test("with ADMIN_API_KEYS the admin routes need an admin key (an ordinary key is 401); an admin key also opens /v1")
    func adminKeys() async throws {
        try await IngestHarness.with(environment: Self.keys.merging(["ADMIN_API_KEYS": "admin-SECRET"]) { $1 }) { _, client in
            let missing = try await client.get("/v1/admin/dead-letters")
            #expect(missing.status == .unauthorized && missing.headers[.wwwAuthenticate] == "Bearer")
            #expect(try await client.get("/v1/admin/dead-letters", headers: Self.bearer("key-alpha-SECRET")).status == .unauthorized)
            #expect(try await client.get("/v1/admin/dead-letters", headers: Self.bearer("admin-SECRET")).status == .ok)
            #expect(try await client.get("/v1/calls", headers: Self.bearer("admin-SECRET")).status == .ok)
        }
    }

    @Test("a dead letter is listed with its error and replayed: the call is queued again with no attempts, and in the stream")
    func deadLetterReplay() async throws {
        let admin = Self.bearer("admin-SECRET")
        try await IngestHarness.with(environment: ["ADMIN_API_KEYS": "admin-SECRET"]) { harness, client in
            let id = try #require(try await client.post("/v1/calls", json: Self.text).json["id"] as? String)
            let entry = try #require(try await harness.queue.fetch(consumer: "admin-test", count: 1, block: .milliseconds(100)).first)
            try await harness.repository.markFailed(entry.callID, error: "provider down")
            try await harness.queue.deadLetter(entry, error: "provider down", attempts: 5)
            let listed = try await client.get("/v1/admin/dead-letters", headers: admin).json["dead_letters"] as? [[String: Any]] ?? []
            #expect(listed.count == 1)
            #expect(listed.first?["call_id"] as? String == id && listed.first?["error"] as? String == "provider down")
            let replay = try await client.post("/v1/admin/dead-letters/replay", json: "", headers: admin)
            #expect(replay.json["replayed"] as? [String] == [id])
            let call = try #require(try await harness.repository.find(entry.callID))
            #expect(call.status == .queued && call.attempts == 0)
            let again = try await harness.queue.fetch(consumer: "admin-test", count: 10, block: .milliseconds(100))
            #expect(again.map(\.callID) == [entry.callID])
            #expect((try await client.get("/v1/admin/dead-letters", headers: admin).json["dead_letters"] as? [Any])?.isEmpty == true)
            let none = try await client.post("/v1/admin/dead-letters/replay", json: #"{"ids": ["0-1"]}"#, headers: admin)
            #expect(none.json["replayed"] as? [String] == [])
        }
    }
}
