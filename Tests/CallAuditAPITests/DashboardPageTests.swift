import CallAuditCore
import CallAuditRuntime
import CallStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import OfflineAnalyzer
import Providers
import Testing

@testable import CallAuditAPI

@Suite("Dashboard pages on the ingest")
struct DashboardPageTests {
    static let hostileDialog = "Менеджер: Здравствуйте! <script>alert('x')</script> Меня зовут Анна.\nКлиент: Добрый день, сколько стоит?"

    /// Stores a call and, analyzed by the offline analyzer, its result.
    static func analyzed(_ harness: IngestHarness, dialog: String, manager: String = "anna") async throws -> UUID {
        let call = NewCall(managerID: manager, mode: .manager, source: .text, dialogText: dialog)
        _ = try await harness.repository.insert(call)
        try await harness.repository.saveResult(call.id, result: OfflineAnalyzer().analyze(text: dialog, mode: .manager), usage: [])
        return call.id
    }

    @Test("the Analyze form posts through the API's validation: a dialog is accepted and followed, a bad one comes back")
    func analyze() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let form = try await client.get("/", headers: [.acceptLanguage: "ko-KR,ko;q=0.9"])
            #expect(form.status == .ok)
            #expect(form.headers[.contentType] == "text/html; charset=utf-8")
            #expect(form.text.contains("<html lang=\"ko\">"))
            #expect(form.text.contains("통화 분석"))
            #expect(form.text.contains("name=\"dialog_text\""))

            let body = MultipartBody(fields: ["dialog_text": "Agent: Hello, this is Anna.\nClient: Hi!", "mode": "Client+",
                                              "manager_id": "anna", "language": "", "audio_url": ""],
                                     files: [(name: "audio", filename: "", bytes: [])])
            let accepted = try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType],
                                                    body: body.buffer)
            #expect(accepted.status == .seeOther)
            let location = try #require(accepted.headers[.location])
            let id = try #require(UUID(uuidString: String(location.dropFirst("/calls/".count))))
            let stored = try #require(try await harness.repository.find(id))
            #expect(stored.mode == .client)
            #expect(stored.managerID == "anna")
            #expect(try await harness.queue.stats().streamLength == 1)

            let following = try await client.get(location)
            #expect(following.status == .ok)
            #expect(following.text.contains("data-poll=\"/v1/calls/\(id.uuidString.lowercased())\""))
            #expect(following.text.contains("<noscript><meta http-equiv=\"refresh\""))

            let both = MultipartBody(fields: ["dialog_text": "Agent: hi", "audio_url": "https://example.com/a.mp3",
                                              "manager_id": "<b>boris</b>"], file: nil)
            let refused = try await client.execute(uri: "/", method: .post, headers: [.contentType: both.contentType],
                                                   body: both.buffer)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("role=\"alert\""))
            #expect(refused.text.contains("value=\"&lt;b&gt;boris&lt;/b&gt;\""))
            #expect(!refused.text.contains("<b>boris"))
            #expect(try await harness.queue.stats().streamLength == 1)
        }
    }

    @Test("the Call page escapes the dialog, marks each found quote and links its criterion to it")
    func callPage() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let id = try await Self.analyzed(harness, dialog: Self.hostileDialog)
            let page = try await client.get("/calls/\(id.uuidString.lowercased())?lang=ru")
            #expect(page.status == .ok)
            #expect(page.headers[.setCookie]?.contains("callaudit_lang=ru") == true)
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(page.text.contains("Расшифровка"))
            let result = try #require(try await harness.repository.result(of: id))
            for criterion in result.criteria where criterion.evidence != nil {
                #expect(page.text.contains("href=\"#q-\(criterion.key)\""))
                #expect(page.text.contains("id=\"q-\(criterion.key)\""), "the quote of \(criterion.key) is not marked")
            }
            #expect(page.text.contains("<mark class=\"evidence"))
            let transcript = try #require(page.text.components(separatedBy: "<ol class=\"transcript\">").last?
                .components(separatedBy: "</ol>").first)
            #expect(transcript.components(separatedBy: "сколько стоит?").count == 2, "a turn is shown other than once")
            #expect(page.text.contains("<td>analysis</td><td>local</td>"))

            let missing = try await client.get("/calls/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("There is no call with this id."))
        }
    }

    @Test("the Call page's chat panel answers a form without its script, and streams to the script that asks for it")
    func chatPanel() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let id = try await Self.analyzed(harness, dialog: ChatAPITests.dialog)
            let path = "/calls/\(id.uuidString.lowercased())"
            #expect(try await client.get(path).text.contains("action=\"\(path)/chat\""))
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let plain = try await client.execute(uri: "\(path)/chat", method: .post, headers: form,
                                                 body: ByteBuffer(string: "question=What+about+the+price%3F"))
            #expect(plain.status == .seeOther)
            #expect(plain.headers[.location] == "\(path)#chat")
            let page = try await client.get(path)
            #expect(page.text.contains("<li class=\"question\"><div class=\"who\">You</div><p>What about the price?</p></li>"))
            #expect(page.text.contains("but the price matters.”"))
            let conversation = try #require(try await harness.repository.conversations(about: .call(id), id: nil).first?.id)
            #expect(page.text.contains("name=\"conversation_id\" value=\"\(conversation.uuidString.lowercased())\""))

            var streaming = form
            streaming[.accept] = "text/event-stream"
            let streamed = try await client.execute(
                uri: "\(path)/chat", method: .post, headers: streaming,
                body: ByteBuffer(string: "question=And+the+email%3F&conversation_id=\(conversation.uuidString.lowercased())"))
            #expect(streamed.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(ChatAPITests.events(streamed).last?.name == "end")
            #expect(try await harness.repository.conversations(about: .call(id), id: nil).first?.messages.count == 4)
            let empty = try await client.execute(uri: "\(path)/chat", method: .post, headers: form, body: ByteBuffer(string: "question="))
            #expect(empty.status == .badRequest)
        }
    }

    @Test("the Calls table filters, sorts and exports what it shows as CSV; a bad filter says what is wrong")
    func callsTable() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            _ = try await Self.analyzed(harness, dialog: "Менеджер: Добрый день! Меня зовут Анна. Чем могу помочь?\nКлиент: Хочу тариф.")
            _ = try await Self.analyzed(harness, dialog: "Manager: What the hell do you want?\nCustomer: Nothing.", manager: "boris")
            _ = try await harness.repository.insert(NewCall(managerID: "carl", mode: .dialog, source: .text, dialogText: "A: hi"))

            let all = try await client.get("/calls")
            #expect(all.status == .ok)
            for manager in ["anna", "boris", "carl"] { #expect(all.text.contains(">\(manager)</td>")) }
            let boris = try await client.get("/calls?manager_id=boris&mode=&status=done&sort=score_asc")
            #expect(boris.text.contains(">boris</td>"))
            #expect(!boris.text.contains(">anna</td>"))
            #expect(boris.text.contains("<option value=\"score_asc\" selected>"))
            #expect(boris.text.contains("href=\"/calls.csv?manager_id=boris&amp;status=done&amp;sort=score_asc\""))
            let russian = try await client.get("/calls?language=ru")
            #expect(russian.text.contains(">anna</td>"))
            #expect(!russian.text.contains(">boris</td>"))

            let csv = try await client.get("/calls.csv?status=done&sort=score_desc")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.first == "id,call_id,manager_id,mode,status,created_at,total_score,sentiment,profanity,language,error")
            #expect(lines.count == 3)
            let scores = lines.dropFirst().compactMap { Int($0.split(separator: ",", omittingEmptySubsequences: false)[6]) }
            #expect(scores == scores.sorted(by: >))

            let bad = try await client.get("/calls?min_score=200")
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("min_score must be a whole number from 0 to 100"))
        }
    }

    @Test("Managers lists, sorts and charts the managers; a manager's screen has the trend, criteria against the team, recent calls")
    func managers() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let strong = "Менеджер: Добрый день! Меня зовут Анна, компания «Связь Плюс». Чем могу помочь?\n"
                + "Клиент: Хочу тариф.\nМенеджер: Сколько у вас сотрудников и что для вас важно?\nКлиент: Двадцать, цена.\n"
                + "Менеджер: Предлагаю тариф «Бизнес». Давайте я пришлю договор сегодня?"
            let anna = try await Self.analyzed(harness, dialog: strong)
            _ = try await Self.analyzed(harness, dialog: "Manager: What?\nCustomer: Hello.", manager: "<i>x</i>")
            let annaScore = try #require(try await harness.repository.result(of: anna)).totalScore

            let list = try await client.get("/managers?sort=average&order=desc")
            #expect(list.status == .ok)
            #expect(list.text.contains("<svg class=\"chart\""))
            #expect(list.text.contains(">&lt;i&gt;x&lt;/i&gt;</text>"))
            #expect(!list.text.contains("<i>x</i>"))
            let annaRow = try #require(list.text.range(of: "href=\"/managers/anna?"))
            let otherRow = try #require(list.text.range(of: "href=\"/managers/%3Ci%3Ex%3C%2Fi%3E?"))
            #expect(annaRow.lowerBound < otherRow.lowerBound, "the higher average is not first")
            #expect(list.text.contains("aria-sort=\"descending\""))
            let ascending = try await client.get("/managers?sort=average&order=asc")
            #expect(try #require(ascending.text.range(of: "href=\"/managers/%3Ci%3Ex%3C%2Fi%3E?")).lowerBound
                < #require(ascending.text.range(of: "href=\"/managers/anna?")).lowerBound)

            let today = String(Date().formatted(.iso8601.year().month().day()).prefix(10))
            let page = try await client.get("/managers/anna?to=\(today)&bucket=week")
            #expect(page.status == .ok)
            #expect(page.text.contains("<option value=\"week\" selected>"))
            #expect(page.text.contains("<rect x=\"30\""), "no column in the trend")
            #expect(page.text.contains(">\(annaScore)</span></td>"))
            #expect(page.text.contains("href=\"/calls/\(anna.uuidString.lowercased())\""))
            #expect(page.text.contains("<table class=\"versus\">"))
            #expect(page.text.contains("<ul class=\"examples\">"), "no examples of the weakest criteria")
            let todaysCalls = try await client.get("/calls?to=\(today)")
            #expect(todaysCalls.text.contains(">anna</td>"), "a day given as to is not included")
            let nobody = try await client.get("/managers/nobody")
            #expect(nobody.text.contains("No analyzed calls of this manager in this period."))
            #expect(try await client.get("/managers?from=2026-13-01").status == .badRequest)
        }
    }

    @Test("Queue shows what waits and the providers as the workers published them")
    func queue() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let empty = try await client.get("/queue?lang=en")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("No worker has published its providers yet."))
            _ = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi\nClient: hello"}"#)
            let board = ProviderStatusBoard(redis: harness.clients.redis, keyPrefix: harness.queue.configuration.keyPrefix)
            try await board.publish([
                ProviderStatus(provider: "openai", steps: ["analysis": "gpt-4o-mini"], available: false,
                               reason: "insufficient_quota <b>", lastRequestOK: false, lastStatus: 429),
            ])
            let page = try await client.get("/queue")
            #expect(page.text.contains("<div class=\"figure-value\">1</div><div class=\"figure-label\">Waiting</div>"))
            #expect(page.text.contains("<strong>openai</strong>"))
            #expect(page.text.contains("analysis: gpt-4o-mini"))
            #expect(page.text.contains("insufficient_quota &lt;b&gt;"))
            #expect(page.text.contains("HTTP 429"))
        }
        try await IngestHarness.with(redisURL: "redis://127.0.0.1:1/0", checkingContract: false) { _, client in
            let page = try await client.get("/queue")
            #expect(page.status == .ok)
            #expect(page.text.contains("The queue (Redis) does not answer"))
        }
    }

    @Test("an uploaded recording plays on the Call page, whole or by the range a seek asks for")
    func recording() async throws {
        try await IngestHarness.with(checkingContract: false) { harness, client in
            let audio = [UInt8]("RIFF\0\0\0\0WAVEfmt ".utf8) + (0..<5000).map { UInt8($0 % 251) }
            let body = MultipartBody(fields: ["manager_id": "anna", "dialog_text": "", "audio_url": ""],
                                     file: ("audio", "call.wav", audio))
            let accepted = try await client.execute(uri: "/", method: .post, headers: [.contentType: body.contentType],
                                                    body: body.buffer)
            #expect(accepted.status == .seeOther)
            let location = try #require(accepted.headers[.location])
            let id = try #require(UUID(uuidString: String(location.dropFirst("/calls/".count))))
            #expect(try await harness.repository.find(id)?.source == .upload)
            let page = try await client.get(location)
            #expect(page.text.contains("<audio id=\"call-audio\" class=\"player\" controls preload=\"metadata\" src=\"\(location)/audio\">"))

            let whole = try await client.get(location + "/audio")
            #expect(whole.status == .ok)
            #expect(whole.headers[.acceptRanges] == "bytes")
            #expect(Array(buffer: whole.body) == audio)
            let part = try await client.get(location + "/audio", headers: [.range: "bytes=100-199"])
            #expect(part.status == .partialContent)
            #expect(part.headers[.contentRange] == "bytes 100-199/\(audio.count)")
            #expect(Array(buffer: part.body) == Array(audio[100...199]))
            let tail = try await client.get(location + "/audio", headers: [.range: "bytes=-10"])
            #expect(Array(buffer: tail.body) == Array(audio.suffix(10)))
            #expect(try await client.get("/calls/\(UUID().uuidString)/audio").status == .notFound)
        }
    }

    @Test("without Swagger UI's files /docs says what to install; the style sheet is served")
    func docsAndFiles() async throws {
        try await IngestHarness.with(environment: ["DOCS_ASSETS_DIR": "/nonexistent/static"], checkingContract: false) { _, client in
            let docs = try await client.get("/docs")
            #expect(docs.status == .serviceUnavailable)
            #expect(docs.text.contains("fastapi-offline"))
            #expect(docs.text.contains("/nonexistent/static"))
            let style = try await client.get("/ui/dashboard.css")
            #expect(style.status == .ok)
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await client.get("/ui/../Package.swift").status == .notFound)
        }
    }
}
