import CallQueue
import CallStore
import Telemetry

/// The gauges a scrape refreshes: whether Redis and PostgreSQL answer, and the queue's depth. A server that does
/// not answer (within its client's timeout) shows as `callaudit_redis_up 0` / `callaudit_postgres_up 0`, never as a
/// failed scrape; the queue gauges then keep their last values.
public struct BackendGauges: Sendable {
    let repository: CallRepository
    let queue: JobQueue

    /// Gauges over the process's repository and queue.
    public init(repository: CallRepository, queue: JobQueue) {
        self.repository = repository
        self.queue = queue
    }

    /// Asks both servers and records the answers.
    public func refresh() async {
        async let stats = try? await queue.stats()
        async let postgresAnswered = (try? await repository.ping()) != nil
        let queueStats = await stats
        Telemetry.backendsUp(redis: queueStats != nil, postgres: await postgresAnswered)
        guard let queueStats else { return }
        Telemetry.queueDepth(
            streamLength: queueStats.streamLength, pending: queueStats.pending, lag: queueStats.lag,
            delayed: queueStats.delayed, deadLetters: queueStats.deadLetters,
            oldestWaitingAge: .milliseconds(queueStats.oldestWaitingMilliseconds))
    }
}
