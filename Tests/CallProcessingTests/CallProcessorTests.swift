import CallAuditCore
import CallStore
import FailurePolicy
import Testing

@testable import CallProcessing

@Suite("The processor: one place decides a call's fate from the failure's disposition")
struct CallProcessorTests {
    @Test("a call that works is saved and its entry acked")
    func done() async throws {
        try await ProcessingHarness.with { harness in
            let (entry, call) = try await harness.fetched(ProcessingHarness.textCall())
            await harness.processor.process(entry, call: call)
            #expect(try await harness.repository.find(call.id)?.status == .done)
            #expect(try await harness.queue.stats().pending == 0)
        }
    }

    @Test("a result the store cannot hold fails its call for good, with the store's reason, and its entry is acked")
    func unstorableResult() async throws {
        try await ProcessingHarness.with { harness in
            let (entry, call) = try await harness.fetched(ProcessingHarness.textCall())
            let attempt = await harness.processor.attempt(entry, call: call)
            guard case .finished(let outcome) = attempt.outcome else { Issue.record("the local analyst finishes"); return }
            let huge = [ProviderUsage(step: "analysis", provider: "openai", inputTokens: Int(Int32.max) + 1)]
            await harness.processor.record(CallAttempt(
                entry: entry, call: call, started: attempt.started, logger: attempt.logger,
                outcome: .finished(PipelineOutcome(result: outcome.result, usage: huge))))
            let stored = try #require(try await harness.repository.find(call.id))
            #expect(stored.status == .failed)
            #expect(stored.error?.hasPrefix("the result cannot be stored") == true)
            #expect(try await harness.queue.stats().pending == 0)
            #expect(try await harness.queue.deadLetters(limit: 10).isEmpty)
        }
    }

    @Test("permanent: the call fails with the message and its entry is acked")
    func permanent() async throws {
        try await ProcessingHarness.with { harness in
            let (entry, call) = try await harness.fetched(ProcessingHarness.textCall())
            _ = try await harness.processor.handle(.permanent("bad recording"), entry: entry, attempts: 1, logger: ProcessingHarness.logger)
            let stored = try #require(try await harness.repository.find(call.id))
            #expect(stored.status == .failed && stored.error == "bad recording")
            #expect(try await harness.queue.stats().pending == 0)
            #expect(try await harness.queue.deadLetters(limit: 10).isEmpty)
        }
    }

    @Test("retry: the call is queued again behind the backoff, with its error kept; on the last attempt it is dead-lettered")
    func retryThenDeadLetter() async throws {
        try await ProcessingHarness.with(maxAttempts: 2) { harness in
            let (entry, call) = try await harness.fetched(ProcessingHarness.textCall())
            _ = try await harness.processor.handle(.retry("provider down"), entry: entry, attempts: 1, logger: ProcessingHarness.logger)
            var stored = try #require(try await harness.repository.find(call.id))
            #expect(stored.status == .queued && stored.error == "provider down")
            #expect(try await harness.queue.stats().delayed == 1)
            #expect(try await harness.queue.stats().pending == 0)

            _ = try await harness.processor.handle(.retry("provider down"), entry: entry, attempts: 2, logger: ProcessingHarness.logger)
            stored = try #require(try await harness.repository.find(call.id))
            #expect(stored.status == .failed)
            #expect(try await harness.queue.deadLetters(limit: 10).map(\.callID) == [call.id])
        }
    }

    @Test("a retry hint from the other side is the wait, not the queue's backoff")
    func hintedRetry() async throws {
        try await ProcessingHarness.with { harness in
            let (entry, _) = try await harness.fetched(ProcessingHarness.textCall())
            _ = try await harness.processor.handle(
                CallFailure("rate limited", .retry(after: .milliseconds(1))), entry: entry, attempts: 1, logger: ProcessingHarness.logger)
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await harness.queue.promoteDueRetries() == 1, "due after the 1 ms hint, long before the 2 s backoff")
        }
    }

    @Test("provider unavailable: an audio call is parked until a transcription provider is configured, and acked")
    func parked() async throws {
        try await ProcessingHarness.with { harness in
            let (entry, call) = try await harness.fetched(try await harness.upload(ProcessingHarness.wav))
            await harness.processor.process(entry, call: call)
            let stored = try #require(try await harness.repository.find(call.id))
            #expect(stored.stage == .awaitingTranscription)
            #expect(try await harness.queue.stats().pending == 0)
        }
    }

    @Test("a call whose earlier attempts used up the budget is dead-lettered without running")
    func exhaustedBeforeRunning() async throws {
        try await ProcessingHarness.with(maxAttempts: 1) { harness in
            let (entry, call) = try await harness.fetched(ProcessingHarness.textCall())
            let reclaimed = try #require(try await harness.repository.claim([call.id]).first, "claimed a second time: attempt 2")
            await harness.processor.process(entry, call: reclaimed)
            #expect(try await harness.repository.find(call.id)?.status == .failed)
            #expect(try await harness.queue.deadLetters(limit: 10).count == 1)
        }
    }
}
