@testable import CallAuditRuntime
import CallStore
import Testing

/// The write-behind queue's bookkeeping, step by step.
@Suite("The answer cache's queue")
struct AnswerCacheQueueTests {
    static func entry(_ key: String, _ answer: String = "{}") -> CachedAnswer {
        CachedAnswer(key: key, step: "analysis", answer: Array(answer.utf8))
    }

    @Test("the first store starts the writer; past the limit a store is told to write itself; a key keeps its first answer")
    func admission() {
        var queue = AnswerCacheQueue()
        #expect(queue.enqueue(Self.entry("a", "1"), limit: 2) == .queued(startsWriter: true))
        #expect(queue.enqueue(Self.entry("a", "2"), limit: 2) == .queued(startsWriter: false))
        #expect(queue.answers(for: ["a", "b"]) == ["a": Array("1".utf8)])
        #expect(queue.enqueue(Self.entry("b"), limit: 2) == .queued(startsWriter: false))
        #expect(queue.enqueue(Self.entry("c"), limit: 2) == .full)
        #expect(queue.answers(for: ["c"]).isEmpty)
    }

    @Test("a batch stays visible while it is written; the writer goes idle only when nothing was queued meanwhile")
    func batches() {
        var queue = AnswerCacheQueue()
        _ = queue.enqueue(Self.entry("a"), limit: 10)
        guard case .write(let first) = queue.nextBatch() else { Issue.record("a batch was expected"); return }
        #expect(first.map(\.key) == ["a"])
        #expect(queue.answers(for: ["a"]).count == 1, "in flight, still found")
        #expect(queue.enqueue(Self.entry("b"), limit: 1) == .queued(startsWriter: false), "the in-flight batch does not count")
        #expect(queue.enqueue(Self.entry("a"), limit: 10) == .queued(startsWriter: false))
        guard case .write(let second) = queue.nextBatch() else { Issue.record("a batch was expected"); return }
        #expect(second.map(\.key) == ["b"], "an in-flight key is not queued again")
        #expect(queue.answers(for: ["a"]).isEmpty, "the first batch is written")
        guard case .idle(let waiters) = queue.nextBatch() else { Issue.record("idle was expected"); return }
        #expect(waiters.isEmpty && !queue.writing)
        #expect(queue.enqueue(Self.entry("c"), limit: 10) == .queued(startsWriter: true))
    }
}
