import CallAuditCore
import CallStore
import Foundation
import Logging
import Testing
import TestSupport

@Suite("CallRepository against PostgreSQL")
struct CallRepositoryTests {
    static func withRepository(_ body: (CallRepository) async throws -> Void) async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let repository = CallRepository(pool: clients.postgres)
                try await repository.migrate(logger: Logger(label: "test"))
                try await body(repository)
            }
        }
    }

    static func textCall(manager: String = "m1", mode: CallMode = .manager, externalID: String? = nil, key: String? = nil) -> NewCall {
        NewCall(externalID: externalID, managerID: manager, mode: mode, source: .text, dialogText: "Manager: Hello",
                metadataJSON: #"{"crm":"amo"}"#, idempotencyKey: key)
    }

    @Test("a new call is stored queued and found with its fields")
    func insertAndFind() async throws {
        try await Self.withRepository { repository in
            let call = Self.textCall(externalID: "crm-1")
            let stored = try await repository.insert(call)
            #expect(stored == StoredCall(id: call.id, status: .queued, created: true))
            let found = try #require(try await repository.find(call.id))
            #expect(found.externalID == "crm-1")
            #expect(found.managerID == "m1")
            #expect(found.status == .queued)
            #expect(found.stage == .queued)
            #expect(found.dialogText == "Manager: Hello")
            #expect(found.metadataJSON.contains("amo"))
            #expect(try await repository.find(UUID()) == nil)
        }
    }

    @Test("the same idempotency key or the same CRM call id and mode answers the first call")
    func idempotentInsert() async throws {
        try await Self.withRepository { repository in
            let first = try await repository.insert(Self.textCall(key: "key-1"))
            let again = try await repository.insert(Self.textCall(key: "key-1"))
            #expect(again.id == first.id)
            #expect(again.created == false)

            let crm = try await repository.insert(Self.textCall(externalID: "crm-9"))
            let crmAgain = try await repository.insert(Self.textCall(externalID: "crm-9"))
            #expect(crmAgain.id == crm.id)
            let otherMode = try await repository.insert(Self.textCall(mode: .dialog, externalID: "crm-9"))
            #expect(otherMode.id != crm.id)
            #expect(otherMode.created)
        }
    }

    @Test("a call whose enqueue failed is withdrawn, unless a repeated request was answered with it meanwhile")
    func withdraw() async throws {
        try await Self.withRepository { repository in
            let seen = Self.textCall(key: "withdraw-\(UUID())")
            let unseen = Self.textCall()
            _ = try await repository.insert([seen, unseen])
            let repeated = try await repository.insert(Self.textCall(key: seen.idempotencyKey))
            #expect(repeated == StoredCall(id: seen.id, status: .queued, created: false))
            #expect(try await repository.withdraw([seen.id, unseen.id]) == [unseen.id])
            #expect(try await repository.find(seen.id)?.status == .queued, "the repeat's 202 stays true")
            #expect(try await repository.find(unseen.id) == nil)
        }
    }

    @Test("an uploaded recording is stored with the call and read back byte for byte")
    func audioRoundTrip() async throws {
        try await Self.withRepository { repository in
            let bytes = (0..<70_000).map { UInt8($0 % 256) }
            let call = NewCall(managerID: "m1", mode: .manager, source: .upload,
                               audio: UploadedAudio(filename: "call.wav", contentType: "audio/wav", size: bytes.count))
            try await repository.storeRecording(bytes, of: call.id)
            _ = try await repository.insert(call)
            let audio = try #require(try await repository.audio(of: call.id))
            #expect(try await repository.recording(of: call.id) == bytes)
            #expect(audio.filename == "call.wav")
        }
    }

    @Test("claim, save result and read it back; a second save replaces the first")
    func claimAndSave() async throws {
        try await Self.withRepository { repository in
            let call = Self.textCall()
            _ = try await repository.insert(call)
            let claimed = try #require(try await repository.claim([call.id, UUID()]).first)
            #expect(claimed.status == .processing)
            #expect(claimed.stage == .analyzing)
            #expect(claimed.attempts == 1)

            try await repository.saveResult(call.id, result: ResultFixture.result(score: 40), usage: [
                ProviderUsage(step: "analysis", provider: "openai", model: "gpt", httpStatus: 200, inputTokens: 10, costUSD: 0.01),
            ])
            try await repository.saveResult(call.id, result: ResultFixture.result(score: 80), usage: [])
            let done = try #require(try await repository.find(call.id))
            #expect(done.status == .done)
            #expect(done.stage == .done)
            #expect(done.completedAt != nil)
            let result = try #require(try await repository.result(of: call.id))
            #expect(result.totalScore == 80)
            #expect(result.criteria.count == Rubric.manager.criteria.count)
            #expect(try await repository.claim([call.id]).isEmpty, "a finished call is not claimed again")
        }
    }

    @Test("retry, failure and parking set status, stage and error")
    func stateChanges() async throws {
        try await Self.withRepository { repository in
            let call = Self.textCall()
            _ = try await repository.insert(call)
            _ = try await repository.claim([call.id])
            try await repository.markRetrying(call.id, error: "timeout")
            var record = try #require(try await repository.find(call.id))
            #expect(record.status == .queued)
            #expect(record.error == "timeout")
            _ = try await repository.claim([call.id])
            try await repository.markFailed(call.id, error: "bad audio")
            record = try #require(try await repository.find(call.id))
            #expect(record.status == .failed)
            #expect(record.attempts == 2)

            let audioCall = NewCall(managerID: "m1", mode: .manager, source: .url, audioURL: "https://example.com/a.mp3")
            _ = try await repository.insert(audioCall)
            try await repository.markAwaitingTranscription(audioCall.id, reason: "no provider")
            record = try #require(try await repository.find(audioCall.id))
            #expect(record.status == .queued)
            #expect(record.stage == .awaitingTranscription)
        }
    }

    @Test("the sweeper's candidates are idle unfinished calls, without parked audio unless asked")
    func unfinishedCalls() async throws {
        try await Self.withRepository { repository in
            let queued = Self.textCall()
            let parked = NewCall(managerID: "m1", mode: .manager, source: .url, audioURL: "https://example.com/a.mp3")
            let done = Self.textCall()
            for call in [queued, parked, done] { _ = try await repository.insert(call) }
            try await repository.markAwaitingTranscription(parked.id, reason: "no provider")
            try await repository.saveResult(done.id, result: ResultFixture.result(score: 50), usage: [])
            try await Task.sleep(for: .milliseconds(1100))
            let ids = try await repository.unfinishedCallIDs(idleFor: 1, after: nil, limit: 10, includeAwaitingTranscription: false)
            #expect(ids == [queued.id])
            let all = try await repository.unfinishedCallIDs(idleFor: 1, after: nil, limit: 10, includeAwaitingTranscription: true)
            #expect(Set(all) == [queued.id, parked.id])
            let fresh = try await repository.unfinishedCallIDs(idleFor: 60, after: nil, limit: 10, includeAwaitingTranscription: true)
            #expect(fresh.isEmpty)
        }
    }

    @Test("listing filters by manager and status and pages with a cursor without gaps or repeats")
    func listing() async throws {
        try await Self.withRepository { repository in
            var ids: [UUID] = []
            for index in 0..<7 {
                let call = Self.textCall(manager: index % 2 == 0 ? "anna" : "boris")
                _ = try await repository.insert(call)
                ids.append(call.id)
            }
            var seen: [UUID] = []
            var cursor: String?
            repeat {
                let page = try await repository.list(CallFilter(), limit: 3, cursor: cursor)
                #expect(page.calls.count <= 3)
                seen += page.calls.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 7)
            #expect(Set(seen) == Set(ids))
            let anna = try await repository.list(CallFilter(managerID: "anna"), limit: 50, cursor: nil)
            #expect(anna.calls.count == 4)
            #expect(anna.calls.allSatisfy { $0.managerID == "anna" })
            let done = try await repository.list(CallFilter(status: .done), limit: 50, cursor: nil)
            #expect(done.calls.isEmpty)
            await #expect(throws: CallStoreError.self) {
                _ = try await repository.list(CallFilter(), limit: 3, cursor: "not-a-cursor")
            }
        }
    }

    @Test("the per-manager report matches the stored results")
    func managerReport() async throws {
        try await Self.withRepository { repository in
            let plan: [(String, Int, Double, Bool)] = [
                ("anna", 90, 0.6, false), ("anna", 70, -0.8, true), ("boris", 30, -0.5, false),
                ("boris", 50, 0.0, false), ("boris", 40, 0.3, true),
            ]
            for (manager, score, sentiment, profanity) in plan {
                let call = Self.textCall(manager: manager)
                _ = try await repository.insert(call)
                try await repository.saveResult(
                    call.id, result: ResultFixture.result(score: score, sentiment: sentiment, profanity: profanity), usage: [])
            }
            let period = ReportPeriod(from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(60))
            let summaries = try await repository.managerSummaries(period)
            #expect(summaries.map(\.managerID) == ["anna", "boris"])
            let anna = summaries[0]
            #expect(anna.calls == 2)
            #expect(anna.averageScore == 80)
            #expect(anna.minScore == 70)
            #expect(anna.maxScore == 90)
            #expect(anna.negativeSentimentShare == 0.5)
            #expect(anna.callsWithProfanity == 1)
            #expect(anna.criteria.first { $0.key == "needs_discovery" }?.average == 80)
            let boris = summaries[1]
            #expect(boris.calls == 3)
            #expect(boris.averageScore == 40)
            #expect(boris.negativeSentimentShare == 0.33)

            let empty = try await repository.managerSummaries(ReportPeriod(from: Date().addingTimeInterval(-7200),
                                                                           to: Date().addingTimeInterval(-3600)))
            #expect(empty.isEmpty)
            let dialogOnly = try await repository.managerSummaries(
                ReportPeriod(from: period.from, to: period.to, mode: .dialog))
            #expect(dialogOnly.isEmpty)

            let detail = try await repository.managerReport("boris", period: period, bucket: .day)
            #expect(detail.summary?.calls == 3)
            #expect(detail.trend.count == 1)
            #expect(detail.trend.first?.calls == 3)
            #expect(detail.trend.first?.averageScore == 40)
            #expect(detail.recentCalls.count == 3)
            #expect(Set(detail.recentCalls.map(\.totalScore)) == [30, 50, 40])
        }
    }
}
