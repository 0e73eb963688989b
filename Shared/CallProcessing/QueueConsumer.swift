import CallAuditRuntime
import CallQueue
import Logging
import ServiceLifecycle

/// The worker's main loop, after swift-jobs: once a quarter of the slots are free, fetch that many entries and claim
/// them in one statement, work each in a child task,
/// take over entries of dead consumers now and then, and on graceful shutdown stop fetching and let in-flight calls
/// finish within the grace period (what is left stays pending and is reclaimed by another worker).
public struct QueueConsumer: Service {
    let backends: Backends
    let processor: CallProcessor
    let inFlight: InFlightEntries
    let configuration: WorkerConfiguration
    let logger: Logger

    /// Creates the consumer.
    public init(
        backends: Backends, processor: CallProcessor, inFlight: InFlightEntries, configuration: WorkerConfiguration,
        logger: Logger
    ) {
        self.backends = backends
        self.processor = processor
        self.inFlight = inFlight
        self.configuration = configuration
        self.logger = logger
    }

    var queue: JobQueue { backends.queue }

    /// Prepares the backends (retrying while they come up), then consumes until graceful shutdown.
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        if let policy = await queue.evictionPolicy(), policy != "noeviction" {
            logger.warning("Redis may evict queue keys under memory pressure; set maxmemory-policy noeviction",
                           metadata: ["maxmemory_policy": "\(policy)"])
        }
        logger.info("worker started", metadata: ["consumer": "\(configuration.consumerName)"])
        let (finished, signalFinished) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        var waitForSlot = finished.makeAsyncIterator()
        await withDiscardingTaskGroup { group in
            var nextReclaim = ContinuousClock.now
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let free = configuration.concurrency - inFlight.count
                guard free >= max(1, configuration.concurrency / 4) || inFlight.count == 0 else {
                    _ = await waitForSlot.next()
                    continue
                }
                let entries = await nextEntries(free: free, reclaimDue: &nextReclaim)
                guard !entries.isEmpty else { continue }
                for (entry, call) in await processor.claim(entries) {
                    inFlight.insert(entry)
                    group.addTask {
                        await processor.process(entry, call: call)
                        inFlight.remove(entry)
                        signalFinished.yield()
                    }
                }
            }
            let deadline = ContinuousClock.now + configuration.shutdownGrace
            logger.info("stopping: waiting for in-flight calls", metadata: ["in_flight": "\(inFlight.count)"])
            while inFlight.count > 0 && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(50))
            }
            if inFlight.count > 0 {
                logger.warning("grace period over; unfinished calls will be reclaimed", metadata: ["left": "\(inFlight.count)"])
                group.cancelAll()
            }
        }
    }

    /// Reclaimed entries when a reclaim is due, then new ones; errors are logged and answered with a pause.
    func nextEntries(free: Int, reclaimDue: inout ContinuousClock.Instant) async -> [QueueEntry] {
        do {
            if ContinuousClock.now >= reclaimDue {
                reclaimDue = ContinuousClock.now + reclaimInterval
                let reclaimed = try await queue.reclaim(consumer: configuration.consumerName, count: free)
                if !reclaimed.isEmpty {
                    logger.info("reclaimed entries of a dead consumer", metadata: ["count": "\(reclaimed.count)"])
                    return reclaimed
                }
            }
            return try await queue.fetch(consumer: configuration.consumerName, count: free, block: configuration.fetchBlock)
        } catch {
            logger.error("fetching work failed; retrying", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: .seconds(1))
            return []
        }
    }

    /// Reclaims are checked a few times per visibility timeout.
    var reclaimInterval: Duration {
        max(.milliseconds(500), queue.configuration.visibilityTimeout / 4)
    }
}
