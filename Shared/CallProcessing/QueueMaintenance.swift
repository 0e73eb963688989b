import CallAuditRuntime
import CallQueue
import CallStore
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle

/// The worker's housekeeping: promote due retries, keep in-flight entries claimed (heartbeat), trim the stream by
/// `MINID`, and sweep PostgreSQL for unfinished calls the queue no longer holds (Redis lost its data, or an ingest
/// process died between insert and enqueue) so that no accepted call is lost.
public struct QueueMaintenance: Service {
    let backends: Backends
    let inFlight: InFlightEntries
    let configuration: WorkerConfiguration
    /// Whether audio calls parked for want of a transcription provider are picked up again.
    let transcriptionConfigured: Bool
    let logger: Logger

    /// Creates the housekeeping service.
    public init(
        backends: Backends, inFlight: InFlightEntries, configuration: WorkerConfiguration, transcriptionConfigured: Bool,
        logger: Logger
    ) {
        self.backends = backends
        self.inFlight = inFlight
        self.configuration = configuration
        self.transcriptionConfigured = transcriptionConfigured
        self.logger = logger
    }

    var queue: JobQueue { backends.queue }
    var repository: CallRepository { backends.repository }

    /// Waits until the backends are prepared, then works until graceful shutdown.
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        let tick = Duration.milliseconds(250)
        let heartbeatEvery = max(.milliseconds(500), queue.configuration.visibilityTimeout / 3)
        let clock = ContinuousClock()
        var nextHeartbeat = clock.now + heartbeatEvery
        var nextTrim = clock.now + .seconds(10)
        var nextSweep = clock.now + .seconds(2)
        var nextScrub = clock.now
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await attempt("promote retries") { _ = try await queue.promoteDueRetries() }
            if clock.now >= nextHeartbeat {
                nextHeartbeat = clock.now + heartbeatEvery
                await attempt("heartbeat") {
                    try await queue.heartbeat(consumer: configuration.consumerName, entryIDs: inFlight.entryIDs)
                }
            }
            if clock.now >= nextTrim {
                nextTrim = clock.now + .seconds(30)
                await attempt("trim") { _ = try await queue.trim() }
            }
            if clock.now >= nextScrub {
                nextScrub = clock.now + .seconds(600)
                await attempt("remove abandoned recording folders") {
                    let removed = try await NIOThreadPool.singleton.runIfActive {
                        RecordingFolder.removeAbandoned(olderThan: Self.abandonedFolderAge)
                    }
                    if removed > 0 { logger.info("removed recording folders of calls cut off", metadata: ["count": "\(removed)"]) }
                }
            }
            if clock.now >= nextSweep {
                nextSweep = clock.now + configuration.sweepInterval
                await attempt("sweep") { try await sweep() }
            }
            try? await Task.sleep(for: tick)
        }
    }

    /// Re-enqueues unfinished calls that have been idle for `SWEEP_IDLE_SECONDS` and that the queue does not hold.
    /// One worker at a time sweeps.
    func sweep() async throws {
        let lockTTL = max(.seconds(1), configuration.sweepInterval - .milliseconds(200))
        guard try await queue.acquireSweepLock(owner: configuration.consumerName, ttl: lockTTL) else { return }
        try await queue.ensureGroup()
        let idle = Double(configuration.sweepIdle.components.seconds)
        var swept = 0
        var after: UUID?
        repeat {
            let candidates = try await repository.unfinishedCallIDs(
                idleFor: idle, after: after, limit: 1000, includeAwaitingTranscription: transcriptionConfigured)
            let lost = try await queue.notInFlight(candidates)
            try await queue.enqueue(lost)
            swept += lost.count
            after = candidates.count == 1000 ? candidates.last : nil
        } while after != nil
        if swept > 0 { logger.warning("re-enqueued calls the queue had lost", metadata: ["count": "\(swept)"]) }
        let orphans = try await repository.removeOrphanedAudio(olderThan: Self.orphanedAudioAge)
        if orphans > 0 { logger.info("removed recordings no call took", metadata: ["count": "\(orphans)"]) }
    }

    /// How long a recording's temporary folder may stay unchanged before it is taken for the remains of a worker killed
    /// mid-call (six hours: far longer than any transcription takes).
    static let abandonedFolderAge: Duration = .seconds(6 * 3600)

    /// How long an upload's chunks may wait for their call before the sweeper takes them for the remains of an
    /// upload cut off by a fault (a day: far longer than any upload takes).
    static let orphanedAudioAge: Double = 86_400

    func attempt(_ task: String, _ body: () async throws -> Void) async {
        do {
            try await body()
        } catch {
            logger.warning("maintenance step failed", metadata: ["task": "\(task)", "error": "\(error)"])
        }
    }
}
