import CallAuditCore
import CallStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CallAuditAPI

@Suite("Dashboard sign-in and CSRF when keys are set")
struct DashboardSignInTests {
    static let environment = ["API_KEYS": "user-key", "ADMIN_API_KEYS": "admin-key", "SESSION_SECRET": "test-secret"]

    /// Signs in with `key` and answers the `Cookie` header that carries the session.
    static func signIn(_ client: any TestClientProtocol, key: String) async throws -> String {
        let response = try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "key=\(key)&next=%2Fcalls"))
        #expect(response.status == .seeOther)
        let cookie = try #require(response.headers[.setCookie])
        return String(try #require(cookie.split(separator: ";").first))
    }

    /// The CSRF token in a page's forms.
    static func csrf(_ page: TestResponse) throws -> String {
        let match = try #require(page.text.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/))
        return String(match.1)
    }

    static func form(_ fields: String, cookie: String) -> HTTPFields {
        [.contentType: "application/x-www-form-urlencoded", .cookie: cookie]
    }

    @Test("pages send to sign-in and back; a key opens them; a wrong key, a tampered cookie or a foreign next do not")
    func signIn() async throws {
        try await IngestHarness.with(environment: Self.environment, checkingContract: false) { _, client in
            let away = try await client.get("/calls?status=done")
            #expect(away.status == .seeOther)
            #expect(away.headers[.location] == "/login?next=%2Fcalls%3Fstatus%3Ddone")
            #expect(try await client.get("/ui/dashboard.css").status == .ok)
            let login = try await client.get("/login?next=%2Fcalls")
            #expect(login.status == .ok)
            #expect(login.text.contains("name=\"next\" value=\"/calls\""))

            let wrong = try await client.execute(uri: "/login", method: .post,
                                                 headers: [.contentType: "application/x-www-form-urlencoded"],
                                                 body: ByteBuffer(string: "key=nope&next=%2Fcalls"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("That key is not one of this service&#39;s keys."))
            #expect(wrong.headers[.setCookie] == nil)

            let accepted = try await client.execute(uri: "/login", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: "key=user-key&next=%2Fcalls%3Fstatus%3Ddone"))
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers[.location] == "/calls?status=done")
            let setCookie = try #require(accepted.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("user-key"))
            let cookie = String(try #require(setCookie.split(separator: ";").first))
            let calls = try await client.get("/calls", headers: [.cookie: cookie])
            #expect(calls.status == .ok)
            #expect(calls.text.contains("action=\"/logout\""))

            var tampered = Array(cookie)
            let index = cookie.count - 70
            tampered[index] = tampered[index] == "A" ? "B" : "A"
            #expect(try await client.get("/calls", headers: [.cookie: String(tampered)]).status == .seeOther)

            let foreign = try await client.execute(uri: "/login", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "key=user-key&next=%2F%2Fevil.example%2F"))
            #expect(foreign.headers[.location] == "/")
        }
    }

    @Test("a form posted without the session's CSRF token is refused and stores nothing; with it, it goes through")
    func csrf() async throws {
        try await IngestHarness.with(environment: Self.environment, checkingContract: false) { harness, client in
            let cookie = try await Self.signIn(client, key: "user-key")
            let token = try Self.csrf(try await client.get("/", headers: [.cookie: cookie]))
            for fields in [["dialog_text": "Agent: hi"], ["dialog_text": "Agent: hi", "csrf": String(repeating: "0", count: 64)]] {
                let body = MultipartBody(fields: fields, file: nil)
                let forged = try await client.execute(uri: "/", method: .post,
                                                      headers: [.contentType: body.contentType, .cookie: cookie], body: body.buffer)
                #expect(forged.status == .forbidden)
                #expect(forged.text.contains("CSRF"))
            }
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty)
            let body = MultipartBody(fields: ["dialog_text": "Agent: hi", "csrf": token], file: nil)
            let sent = try await client.execute(uri: "/", method: .post,
                                                headers: [.contentType: body.contentType, .cookie: cookie], body: body.buffer)
            #expect(sent.status == .seeOther)
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.count == 1)

            let noToken = try await client.execute(uri: "/logout", method: .post, headers: Self.form("", cookie: cookie),
                                                   body: ByteBuffer(string: ""))
            #expect(noToken.status == .forbidden)
            let out = try await client.execute(uri: "/logout", method: .post, headers: Self.form("", cookie: cookie),
                                               body: ByteBuffer(string: "csrf=\(token)"))
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
        }
    }

    @Test("an admin sees the dead letters with their errors and replays one; a user sees neither and cannot replay")
    func deadLetters() async throws {
        try await IngestHarness.with(environment: Self.environment, checkingContract: false) { harness, client in
            let created = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi"}"#,
                                                headers: [.authorization: "Bearer user-key"])
            let text = try #require(created.json["id"] as? String)
            let id = try #require(UUID(uuidString: text))
            let entry = try #require(try await harness.queue.fetch(consumer: "test", count: 1, block: .milliseconds(100)).first)
            try await harness.queue.deadLetter(entry, error: "provider said <no>", attempts: 3)
            try await harness.repository.markFailed(id, error: "provider said <no>")
            let letter = try #require(try await harness.queue.deadLetters(limit: 10).first)

            let user = try await Self.signIn(client, key: "user-key")
            let userQueue = try await client.get("/queue", headers: [.cookie: user])
            #expect(!userQueue.text.contains("provider said"))
            let refused = try await client.execute(uri: "/queue/replay", method: .post, headers: Self.form("", cookie: user),
                                                   body: ByteBuffer(string: "csrf=\(try Self.csrf(userQueue))"))
            #expect(refused.status == .forbidden)

            #expect(!(try await client.get("/calls/\(id.uuidString)", headers: [.cookie: user]).text.contains("action=\"/queue/replay\"")))

            let admin = try await Self.signIn(client, key: "admin-key")
            let failedPage = try await client.get("/calls/\(id.uuidString)", headers: [.cookie: admin])
            #expect(failedPage.text.contains("provider said &lt;no&gt;"))
            #expect(failedPage.text.contains("name=\"id\" value=\"\(letter.entryID)\""))
            let adminQueue = try await client.get("/queue", headers: [.cookie: admin])
            #expect(adminQueue.text.contains("provider said &lt;no&gt;"))
            let replayed = try await client.execute(
                uri: "/queue/replay", method: .post, headers: Self.form("", cookie: admin),
                body: ByteBuffer(string: "csrf=\(try Self.csrf(adminQueue))&id=\(letter.entryID)"))
            #expect(replayed.status == .seeOther)
            #expect(replayed.headers[.location] == "/queue?replayed=1", "a replay from the Queue screen goes back there")
            #expect(try await harness.queue.stats().deadLetters == 0)
            #expect(try await harness.repository.find(id)?.status == .queued)
            let after = try await client.get("/queue?replayed=1", headers: [.cookie: admin])
            #expect(after.text.contains("No dead letters."))
        }
    }

    @Test("an admin overrides a score from the Call screen; everyone sees the trail; a user cannot review; the reason is required")
    func review() async throws {
        try await IngestHarness.with(environment: Self.environment, checkingContract: false) { harness, client in
            try await ReportsTests.store(harness, manager: "anna", score: 40)
            let id = try #require(try await harness.repository.list(.init(), limit: 1, cursor: nil).calls.first?.id)
            let path = "/calls/\(id.uuidString.lowercased())"

            let user = try await Self.signIn(client, key: "user-key")
            let userPage = try await client.get(path, headers: [.cookie: user])
            #expect(userPage.text.contains("Nobody has reviewed this call."))
            #expect(!userPage.text.contains("action=\"\(path)/review\""))
            let refused = try await client.execute(
                uri: path + "/review", method: .post, headers: Self.form("", cookie: user),
                body: ByteBuffer(string: "csrf=\(try Self.csrf(userPage))&criterion=needs_discovery&score=90&reason=because"))
            #expect(refused.status == .forbidden)

            let admin = try await Self.signIn(client, key: "admin-key")
            let adminPage = try await client.get(path, headers: [.cookie: admin])
            #expect(adminPage.text.contains("action=\"\(path)/review\""))
            let token = try Self.csrf(adminPage)
            let noReason = try await client.execute(
                uri: path + "/review", method: .post, headers: Self.form("", cookie: admin),
                body: ByteBuffer(string: "csrf=\(token)&criterion=needs_discovery&score=90&reason="))
            #expect(noReason.status == .badRequest)
            #expect(noReason.text.contains("reason is required"))
            let saved = try await client.execute(
                uri: path + "/review", method: .post, headers: Self.form("", cookie: admin),
                body: ByteBuffer(string: "csrf=\(token)&criterion=needs_discovery&score=90&reason=asked+%3Cthree%3E+questions&reviewer=olga"))
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == path + "#review")
            #expect(try await harness.repository.result(of: id)?.criteria.first { $0.key == "needs_discovery" }?.score == 90)

            let after = try await client.get(path, headers: [.cookie: user])
            #expect(after.text.contains("<td>olga</td>"))
            #expect(after.text.contains("<td>40 → 90</td>"))
            #expect(after.text.contains("asked &lt;three&gt; questions"))
            #expect(after.text.contains("<span class=\"badge\">reviewed</span>"))
        }
    }

    @Test("the Call page shows what was sent to the CRM; an admin sends failed deliveries again, a user cannot")
    func callbacks() async throws {
        let environment = Self.environment.merging(["CALLBACK_URLS": "https://crm.example.com/hooks?token=s3cret"]) { $1 }
        try await IngestHarness.with(environment: environment, checkingContract: false) { harness, client in
            try await ReportsTests.store(harness, manager: "anna", score: 70)
            let id = try #require(try await harness.repository.list(.init(), limit: 1, cursor: nil).calls.first?.id)
            let delivery = try #require(try await harness.repository.claimDueCallbacks(limit: 1, lease: .seconds(30)).first)
            try await harness.repository.recordCallbackAttempt(CallbackAttempt(
                deliveryID: delivery.id, attempt: delivery.attempt, httpStatus: 500, latencyMilliseconds: 40,
                error: "HTTP 500", next: .failed))
            let path = "/calls/\(id.uuidString.lowercased())"

            let user = try await Self.signIn(client, key: "user-key")
            let userPage = try await client.get(path, headers: [.cookie: user])
            #expect(userPage.text.contains("<td class=\"url\">https://crm.example.com/hooks</td>"))
            #expect(!userPage.text.contains("s3cret"))
            #expect(userPage.text.contains("<span class=\"status status-failed\">failed</span>"))
            #expect(userPage.text.contains("<td>HTTP 500</td>"))
            #expect(!userPage.text.contains("callbacks/replay"))
            let refused = try await client.execute(uri: "\(path)/callbacks/replay", method: .post, headers: Self.form("", cookie: user),
                                                   body: ByteBuffer(string: "csrf=\(try Self.csrf(userPage))"))
            #expect(refused.status == .forbidden)

            let admin = try await Self.signIn(client, key: "admin-key")
            let adminPage = try await client.get(path, headers: [.cookie: admin])
            #expect(adminPage.text.contains("action=\"\(path)/callbacks/replay\""))
            let replayed = try await client.execute(uri: "\(path)/callbacks/replay", method: .post, headers: Self.form("", cookie: admin),
                                                    body: ByteBuffer(string: "csrf=\(try Self.csrf(adminPage))"))
            #expect(replayed.status == .seeOther)
            #expect(replayed.headers[.location] == "\(path)#callbacks")
            #expect(try await harness.repository.callbacks(of: id).first?.status == "pending")
        }
    }
}
