import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite("The whole path with both binaries as real processes", .serialized)
struct EndToEndTests {
    static let dialogs: [(language: String, text: String)] = [
        ("ru", "Менеджер: Добрый день! Меня зовут Анна, компания Ромашка. Чем могу помочь? Клиент: Хочу узнать про тариф. Менеджер: Какие задачи для вас важны? Клиент: Нужна связь для офиса. Менеджер: Предлагаем тариф Бизнес, стоимость 500 рублей. Отправлю договор сегодня. Клиент: Спасибо, договорились."),
        ("ko", "상담원: 안녕하세요, 저는 민수입니다. 무엇을 도와드릴까요? 고객: 요금제를 알고 싶어요. 상담원: 어떤 용도로 필요하세요? 고객: 사무실용이요. 상담원: 비즈니스 요금제를 제안합니다. 내일 견적서를 보내 드리겠습니다. 고객: 감사합니다."),
        ("en", "Agent: Hello, my name is John from Acme. How can I help you today? Customer: I'm looking for a new plan. Agent: What matters most for your team? Customer: Price, honestly. Agent: We offer the Team plan at 20 dollars. I'll send you a quote and schedule a call on Friday. Customer: Thank you, sounds good."),
        ("en", "Customer: This is a damn waste of time. Agent: Whatever. Customer: Bye."),
    ]

    @Test("calls for several managers and modes are analyzed and the report matches what was stored")
    func fullPath() async throws {
        try await Stack.with { stack in
            try stack.startWorker()
            let managers = ["anna", "boris", "chen"]
            let modes = ["manager", "Client+", "Диалог"]
            var ids: [String: String] = [:]
            for (index, dialog) in Self.dialogs.enumerated() {
                for (managerIndex, manager) in managers.enumerated() {
                    let mode = modes[(index + managerIndex) % modes.count]
                    let body = try JSONSerialization.data(withJSONObject: [
                        "dialog_text": dialog.text, "manager_id": manager, "mode": mode, "call_id": "crm-\(index)-\(manager)",
                    ])
                    ids[try await stack.submit(json: String(decoding: body, as: UTF8.self))] = manager
                }
            }
            let done = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: ids.count)
            #expect(done == ids.count, "not all calls finished:\n\(stack.logs)")

            var scores: [String: [Int]] = [:]
            for (id, manager) in ids {
                let call = try await stack.call(id)
                #expect(call["status"] as? String == "done")
                let result = try #require(call["result"] as? [String: Any])
                let score = try #require(result["total_score"] as? Int)
                #expect((0...100).contains(score))
                #expect(((result["criteria"] as? [[String: Any]])?.count ?? 0) >= 6)
                #expect(["ru", "ko", "en"].contains(result["language"] as? String ?? ""))
                #expect(((result["segments"] as? [[String: Any]])?.count ?? 0) >= 2)
                scores[manager, default: []].append(score)
            }
            let report = Stack.object(try await stack.request("GET", "/v1/reports/managers"))
            let rows = try #require(report["managers"] as? [[String: Any]])
            #expect(rows.compactMap { $0["manager_id"] as? String } == managers)
            for row in rows {
                let manager = try #require(row["manager_id"] as? String)
                let expected = try #require(scores[manager])
                #expect(row["calls"] as? Int == expected.count)
                let average = Double(expected.reduce(0, +)) / Double(expected.count)
                #expect(abs((row["avg_score"] as? Double ?? -1) - average) < 0.01)
                #expect(row["min_score"] as? Int == expected.min())
                #expect(row["max_score"] as? Int == expected.max())
            }
        }
    }

    @Test("the same webhook twice makes one call; an audio call waits for a transcription provider")
    func webhookAndAudio() async throws {
        try await Stack.with(environment: ["AUDIO_URL_ALLOW_PRIVATE": "true"]) { stack in
            try stack.startWorker()
            let hook = #"{"call_id": "crm-42", "manager_id": "anna", "recording_url": "http://127.0.0.1:\#(stack.port)/health"}"#
            let first = try await stack.submit("/v1/webhooks/crm", json: hook)
            let second = try await stack.submit("/v1/webhooks/crm", json: hook)
            #expect(first == second)
            #expect(try await stack.count("SELECT count(*) FROM calls") == 1)
            let failed = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'failed'", toReach: 1)
            #expect(failed == 1, "a recording that is not audio fails the call")
            let call = try await stack.call(first)
            #expect((call["error"] as? String)?.contains("not WAV") == true)
        }
    }

    @Test("a worker killed with SIGKILL mid-call loses nothing: its calls finish after the visibility timeout, once")
    func killedWorker() async throws {
        try await Stack.with { stack in
            let total = 600
            for index in 0..<total {
                _ = try await stack.submit(json: #"{"dialog_text": "Agent: Hello, how can I help? Customer: Price please \#(index)?", "manager_id": "m\#(index % 5)"}"#)
            }
            let victim = try stack.startWorker(["WORKER_CONCURRENCY": "16"])
            _ = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 50)
            var pending = 0
            for _ in 0..<50 {
                victim.signal(SIGSTOP)
                try await Task.sleep(for: .milliseconds(300))
                pending = try await stack.count("SELECT count(*) FROM calls WHERE status = 'processing'")
                if pending > 0 { break }
                victim.signal(SIGCONT)
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(pending > 0, "the worker was stopped with calls in flight (statements it had sent have settled)")
            await victim.kill9()
            try stack.startWorker()
            let done = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: total)
            #expect(done == total, "\(stack.logs)")
            #expect(try await stack.count("SELECT count(*) FROM call_results") == total)
            #expect(try await stack.count("SELECT count(*) FROM calls WHERE attempts > 1") >= 1, "some call was reclaimed")
        }
    }

    @Test("FLUSHALL on Redis loses no queued call: the sweeper re-enqueues them from PostgreSQL")
    func flushAll() async throws {
        try await TestRedisServer.with { redis in try await flushAllLosesNothing(redisURL: redis.url) }
    }

    func flushAllLosesNothing(redisURL: String) async throws {
        try await Stack.with(redisURL: redisURL) { stack in
            let total = 40
            for index in 0..<total {
                _ = try await stack.submit(json: #"{"dialog_text": "Agent: Hi \#(index). Customer: Hello.", "manager_id": "m"}"#)
            }
            _ = try await stack.redis.send(["FLUSHALL"])
            #expect(try await stack.redis.send(["EXISTS", "\(stack.prefix):jobs"]).int == 0)
            try stack.startWorker()
            let done = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: total)
            #expect(done == total, "\(stack.logs)")
        }
    }

    @Test("SIGTERM stops both services cleanly, and a restarted worker picks up what was queued meanwhile")
    func gracefulShutdown() async throws {
        try await Stack.with { stack in
            let worker = try stack.startWorker()
            try await Task.sleep(for: .milliseconds(500))
            worker.signal(SIGTERM)
            #expect(await worker.waitForExit(timeout: .seconds(10)) == 0, "\(worker.logTail())")
            let id = try await stack.submit(json: #"{"dialog_text": "Agent: Hello. Customer: Hi.", "manager_id": "m"}"#)
            try stack.startWorker()
            _ = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1)
            #expect(try await stack.call(id)["status"] as? String == "done")
            let ingest = try #require(stack.ingest)
            ingest.signal(SIGTERM)
            #expect(await ingest.waitForExit(timeout: .seconds(10)) == 0, "\(ingest.logTail())")
        }
    }

    @Test("the seed's /analyze_call answers with the result once the worker has it")
    func seedEndpoint() async throws {
        try await Stack.with { stack in
            try stack.startWorker()
            let response = try await stack.request(
                "POST", "/analyze_call",
                json: #"{"dialog_text": "Agent: Hello, my name is Ann. How can I help? Customer: A quote, please.", "content_mode": "Manager+"}"#)
            #expect(response.status == 200, "\(response.text ?? "")")
            let body = Stack.object(response)
            #expect((0...100).contains(body["total_score"] as? Int ?? -1))
            #expect((body["criteria"] as? [Any])?.count == 7)
            #expect((body["summary"] as? String)?.isEmpty == false)
            #expect(body["recommendations"] is [String])
        }
    }

    @Test("a recording that cannot be fetched is retried with backoff, then dead-lettered and the call failed")
    func deadLetter() async throws {
        try await Stack.with(environment: ["AUDIO_URL_ALLOW_PRIVATE": "true", "JOB_MAX_ATTEMPTS": "3"]) { stack in
            try stack.startWorker()
            let id = try await stack.submit(json: #"{"audio_url": "http://127.0.0.1:1/recording.wav", "manager_id": "m"}"#)
            let failed = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'failed'", toReach: 1)
            #expect(failed == 1, "\(stack.logs)")
            let call = try await stack.call(id)
            #expect(call["attempts"] as? Int == 3)
            #expect((call["error"] as? String)?.contains("downloading the recording failed") == true)
            let letters = try await stack.redis.send(["XRANGE", "\(stack.prefix):dead", "-", "+"])
            #expect(letters.array?.count == 1)
        }
    }
}
