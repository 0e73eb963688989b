import CallAuditRuntime
import CallQueue
import Logging
import ServiceLifecycle

/// The worker's main loop, a fetcher beside the calls in flight: it takes every free slot, fetches (or reclaims) up to
/// that many entries in one round trip, claims them in one statement and works each in a child task. A slot is for a
/// call's attempt, the part that waits on the providers: once the attempt is over, the call hands its slot back and
/// wakes the fetcher at once, and records its outcome (save and ack) on one of as many finishing slots. When every
/// finishing slot is taken, the call records its outcome on its own slot instead, so a slow database holds up
/// fetching rather than piling up finished calls. Entries of dead consumers are taken over a few times per visibility
/// timeout. On graceful shutdown fetching stops at once, the calls in flight have `WORKER_SHUTDOWN_GRACE_SECONDS` to
/// finish, and then they are cancelled (their provider requests aborted): their entries stay pending, neither acked
/// nor marked failed, and another worker reclaims them.
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
        await consume(slots: WorkSlots(capacity: configuration.concurrency))
    }

    /// Fetches and works calls until graceful shutdown (or cancellation) closes `slots`, then gives the calls in flight
    /// the grace period and cancels those still running.
    func consume(slots: WorkSlots) async {
        let finishing = WorkSlots(capacity: slots.capacity)
        await withDiscardingTaskGroup { group in
            await withGracefulShutdownHandler {
                var nextReclaim = ContinuousClock.now
                while true {
                    let free = await slots.takeFree()
                    guard free > 0 else { break }
                    let entries = await nextEntries(free: free, reclaimDue: &nextReclaim)
                    let calls = await processor.claim(entries)
                    slots.release(free - calls.count)
                    for (entry, call) in calls {
                        inFlight.insert(entry)
                        group.addTask {
                            let attempt = await processor.attempt(entry, call: call)
                            let handedOver = finishing.tryTake()
                            if handedOver {
                                inFlight.markFinishing(entry)
                                slots.release()
                            }
                            await processor.record(attempt)
                            inFlight.remove(entry)
                            (handedOver ? finishing : slots).release()
                        }
                    }
                }
            } onGracefulShutdown: {
                slots.close()
            }
            logger.info("stopping: fetching stopped, waiting for in-flight calls", metadata: ["in_flight": "\(inFlight.count)"])
            guard await !Self.waitUntilAllFree([slots, finishing], deadline: .now + configuration.shutdownGrace) else { return }
            logger.warning("grace period over; aborting unfinished calls, another worker will reclaim them",
                           metadata: ["left": "\(inFlight.count)"])
            group.cancelAll()
        }
    }

    /// Waits until every slot of each of `pools`, in order, is back or `deadline` passes; answers whether every slot
    /// came back.
    static func waitUntilAllFree(_ pools: [WorkSlots], deadline: ContinuousClock.Instant) async -> Bool {
        await withTaskGroup(of: Bool.self) { race in
            race.addTask {
                for slots in pools { await slots.waitUntilAllFree() }
                return !Task.isCancelled
            }
            race.addTask {
                try? await Task.sleep(until: deadline)
                return false
            }
            defer { race.cancelAll() }
            return await race.next() ?? false
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
