import CallStore
import Logging
import Providers
import ServiceLifecycle
import Synchronization

/// The provider answer cache in PostgreSQL (`provider_cache`), shared by every worker, written behind the calls that
/// paid for its answers: a store only queues the answer, so a call never waits for a cache write to commit, and one
/// writer at a time inserts everything queued in one statement. Lookups see queued answers at once. Past `maxQueued`
/// waiting answers a store writes its own (the queue stays bounded under a slow database). As a service, listed after
/// the clients, it writes what is still queued once graceful shutdown begins, before the clients close.
public final class RepositoryAnswerCache: ProviderAnswerCache, Service {
    private let repository: CallRepository
    private let maxQueued: Int
    private let logger: Logger
    private let state = Mutex(AnswerCacheQueue())

    /// A cache in `repository`'s database holding at most `maxQueued` answers waiting to be written.
    public init(repository: CallRepository, maxQueued: Int = 1024, logger: Logger) {
        self.repository = repository
        self.maxQueued = max(1, maxQueued)
        self.logger = logger
    }

    public func answers(for keys: [String]) async throws -> [String: [UInt8]] {
        let queued = state.withLock { $0.answers(for: keys) }
        let unqueued = keys.filter { queued[$0] == nil }
        guard !unqueued.isEmpty else { return queued }
        return try await repository.cachedAnswers(unqueued).merging(queued) { stored, _ in stored }
    }

    public func store(_ answer: [UInt8], key: String, step: String) async throws {
        let entry = CachedAnswer(key: key, step: step, answer: answer)
        switch state.withLock({ $0.enqueue(entry, limit: maxQueued) }) {
        case .queued(startsWriter: true): Task { await self.writeQueued() }
        case .queued(startsWriter: false): break
        case .full: try await repository.storeAnswers([entry])
        }
    }

    /// Waits for graceful shutdown, then for every queued answer to be written.
    public func run() async throws {
        try? await gracefulShutdown()
        await written()
    }

    /// Waits until nothing is queued or being written.
    public func written() async {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state in
                guard state.writing else { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    /// Writes batches until the queue is empty, then wakes whoever waits for that.
    private func writeQueued() async {
        while true {
            switch state.withLock({ $0.nextBatch() }) {
            case .write(let batch):
                do {
                    try await repository.storeAnswers(batch)
                } catch {
                    logger.warning("answers not cached", metadata: ["count": "\(batch.count)", "error": "\(error)"])
                }
            case .idle(let waiters):
                for waiter in waiters { waiter.resume() }
                return
            }
        }
    }
}
