import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

/// What `GET /v1/live` answers when it is not upgraded to a WebSocket, and the tokens browsers open it with.
@Suite("Live calls over HTTP: refusals, and tokens for browsers")
struct LiveRoutesTests {
    static let keys = ["API_KEYS": "key-live-SECRET"]
    static let valid = "/v1/live?format=g711_ulaw&manager_id=anna"

    @Test("a bad or missing format, a bad field: 400 naming it; a valid request that is not a WebSocket: 426 with Upgrade")
    func refusals() async throws {
        try await InProcessTests.with { client in
            for (uri, code, words) in [
                ("/v1/live?manager_id=anna", "missing_field", "format is required"),
                ("/v1/live?format=opus", "invalid_format", "pcm16, g711_ulaw or g711_alaw"),
                ("/v1/live?format=pcm16&sample_rate=11025", "invalid_format", "sample_rate 11025"),
                ("/v1/live?format=pcm16&sample_rate=fast", "invalid_field", "sample_rate"),
                ("/v1/live?format=g711_alaw&mode=boss", "invalid_mode", "mode must be"),
                ("/v1/live?format=g711_alaw&language=klingon", "invalid_language", "ISO 639-1"),
            ] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                #expect(response.errorCode == code, "\(uri): \(response.text)")
                let message = (response.json["error"] as? [String: Any])?["message"] as? String
                #expect(message?.contains(words) == true, "\(uri): \(response.text)")
            }
            let plain = try await client.get(Self.valid)
            #expect(plain.status.code == 426)
            #expect(plain.headers[.upgrade] == "websocket")
            #expect(plain.errorCode == "upgrade_required")
        }
    }

    @Test("with API_KEYS: no key is 401; a token from POST /v1/live/tokens opens the route, a forged or expired one is 401 saying so")
    func tokens() async throws {
        try await InProcessTests.with(environment: Self.keys) { client in
            #expect(try await client.get(Self.valid).status == .unauthorized)
            #expect(try await client.post("/v1/live/tokens", json: "").status == .unauthorized)
            let issued = try await client.post("/v1/live/tokens", json: "", headers: [.authorization: "Bearer key-live-SECRET"])
            #expect(issued.status == .created)
            let token = try #require(issued.json["token"] as? String)
            #expect(issued.json["url"] as? String == "/v1/live?token=\(token)")
            #expect(!token.contains("key-live-SECRET"))
            let opened = try await client.get("\(Self.valid)&token=\(token)")
            #expect(opened.status.code == 426, "the token is accepted; only the upgrade is missing: \(opened.text)")

            let parts = token.split(separator: ".")
            let forged = "\(parts[0]).\(Int(parts[1])! + 3600).\(parts[2])"
            let refused = try await client.get("\(Self.valid)&token=\(forged)")
            #expect(refused.status == .unauthorized)
            let message = (refused.json["error"] as? [String: Any])?["message"] as? String
            #expect(message?.contains("POST /v1/live/tokens") == true)
        }
    }

    @Test("sessions over LIVE_MAX_SESSIONS are refused at once, and a place is free again when its session ends")
    func sessionLimit() async {
        let count = LiveSessionCount(limit: 1)
        let (holding, release) = AsyncStream.makeStream(of: Void.self)
        let (started, began) = AsyncStream.makeStream(of: Void.self)
        async let first = count.withSession {
            began.yield()
            for await _ in holding { break }
        }
        for await _ in started { break }
        #expect(!count.hasRoom)
        #expect(await count.withSession {} == false, "refused while the place is held")
        release.yield()
        #expect(await first == true)
        #expect(count.hasRoom)
        #expect(await count.withSession {} == true)
    }

    @Test("a token expires after a minute and dies with its key; the open mode needs none")
    func tokenLifetime() {
        let keys = APIKeys("key-a,key-b")
        let tokens = LiveTokens(keys: keys)
        let identity = keys?.identify(key: "key-a")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let (token, expiresAt) = tokens.mint(identity: identity, now: now)
        #expect(expiresAt == now.addingTimeInterval(60))
        #expect(tokens.accepts(token, now: now.addingTimeInterval(59)))
        #expect(!tokens.accepts(token, now: now.addingTimeInterval(61)))
        #expect(!LiveTokens(keys: APIKeys("key-b")).accepts(token, now: now), "the key was taken out")
        #expect(!tokens.accepts("garbage", now: now))
        #expect(LiveTokens(keys: nil).accepts("anything", now: now))
    }
}
