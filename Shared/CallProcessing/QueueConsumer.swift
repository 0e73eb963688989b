import CallAuditRuntime
import CallQueue
import CallStore
import Logging
import ServiceLifecycle

/// The worker's main loop: a fetcher and a dispatcher beside the calls in flight. A slot is for a call's attempt, the
/// part that waits on the providers. The fetcher keeps a few calls claimed ahead of the slots (``readAhead(slots:)``):
/// it fetches (or reclaims) entries for every free slot and every free place ahead in one round trip and claims them in
/// one statement, so a slot handed back starts its next call at once instead of waiting for a fetch and a claim. Each
/// call runs in a child task: once its attempt is over, it hands its slot back, which wakes the dispatcher and the
/// fetcher, and records its outcome (save and ack) on one of as many finishing slots. When every finishing slot is
/// taken, the call records its outcome on its own slot instead, so a slow database holds up fetching rather than
/// piling up finished calls. Entries of dead consumers are taken over a few times per visibility timeout. On graceful
/// shutdown fetching stops at once, the calls in flight have `WORKER_SHUTDOWN_GRACE_SECONDS` to finish, and then they
/// are cancelled (their provider requests aborted): their entries, and those of calls claimed ahead that never got a
/// slot, stay pending, neither acked nor marked failed, and another worker reclaims them.
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
        let claims = WorkSlots(capacity: slots.capacity + Self.readAhead(slots: slots.capacity))
        let (claimed, claimedInput) = AsyncStream<(QueueEntry, CallRecord)>.makeStream()
        await withDiscardingTaskGroup { group in
            group.addTask {
                await fetch(into: claimedInput, claims: claims, until: slots)
            }
            await withGracefulShutdownHandler {
                var calls = claimed.makeAsyncIterator()
                dispatching: while true {
                    let free = await slots.takeFree()
                    guard free > 0 else { break }
                    for started in 0..<free {
                        guard let next = await calls.next() else {
                            slots.release(free - started)
                            break dispatching
                        }
                        let (entry, call) = next
                        inFlight.markStarted(entry)
                        group.addTask {
                            let attempt = await processor.attempt(entry, call: call)
                            let handedOver = finishing.tryTake()
                            if handedOver {
                                inFlight.markFinishing(entry)
                                Self.handBack(slots, claims)
                            }
                            await processor.record(attempt)
                            inFlight.remove(entry)
                            if handedOver { finishing.release() } else { Self.handBack(slots, claims) }
                        }
                    }
                }
                claims.close()
            } onGracefulShutdown: {
                slots.close()
            }
            logger.info("stopping: fetching stopped, waiting for in-flight calls", metadata: [
                "in_flight": "\(inFlight.started)", "claimed_not_started": "\(inFlight.waiting)",
            ])
            guard await !Self.waitUntilAllFree([slots, finishing], deadline: .now + configuration.shutdownGrace) else { return }
            logger.warning("grace period over; aborting unfinished calls, another worker will reclaim them",
                           metadata: ["left": "\(inFlight.started)"])
            group.cancelAll()
        }
    }

    /// How many calls the fetcher keeps claimed ahead of the slots: one per 16 slots. A claimed call waits at most the
    /// time a few calls take to end, and below 16 slots (long audio calls, a small worker) nothing is read ahead, so
    /// idle workers are not kept from calls this one cannot start yet.
    static func readAhead(slots: Int) -> Int {
        slots / 16
    }

    /// A call's attempt slot and its claim, given back together.
    static func handBack(_ slots: WorkSlots, _ claims: WorkSlots) {
        slots.release()
        claims.release()
    }

    /// Fetches and claims calls whenever `claims` has room, until it or `slots` is closed; a fetch that answers after
    /// `slots` closed is left unclaimed (its entries stay pending for the next worker).
    func fetch(
        into claimed: AsyncStream<(QueueEntry, CallRecord)>.Continuation, claims: WorkSlots, until slots: WorkSlots
    ) async {
        var nextReclaim = ContinuousClock.now
        while true {
            let room = await claims.takeFree()
            guard room > 0 else { break }
            let entries = await nextEntries(free: room, reclaimDue: &nextReclaim)
            guard !slots.isClosed else {
                claims.release(room)
                break
            }
            let calls = await processor.claim(entries)
            claims.release(room - calls.count)
            for (entry, call) in calls {
                inFlight.insertWaiting(entry)
                claimed.yield((entry, call))
            }
        }
        claimed.finish()
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
