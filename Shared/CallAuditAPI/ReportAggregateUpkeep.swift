import CallAuditRuntime
import CallStore
import Logging
import ServiceLifecycle

/// Keeps the report aggregates up to date beside the saves. First it counts the results stored before the aggregates
/// existed into them, a few managers per transaction (``CallRepository/backfillReportAggregates(managersPerStep:)``);
/// the reports scan the stored results until it has finished. Then, until the shutdown, it folds the changes that
/// saves queue into the day rows and criterion running totals every `foldInterval`
/// (``CallRepository/foldReportChanges(maxSeries:)``); the reports read the queues too, so this bounds how much of
/// them they read, not what they answer. Every ingest replica runs it: the steps and folds take turns.
public struct ReportAggregateUpkeep: Service {
    let backends: Backends
    let logger: Logger
    /// Managers counted per backfill step.
    let managersPerStep: Int
    /// Series folded per transaction.
    let seriesPerFold: Int
    /// The wait between folds of the queued changes.
    let foldInterval: Duration
    /// The wait before a step or fold that failed is tried again.
    let retryDelay: Duration

    /// Upkeep through `backends`' repository once they are prepared.
    public init(
        backends: Backends, logger: Logger, managersPerStep: Int = 5, seriesPerFold: Int = 100,
        foldInterval: Duration = .seconds(1), retryDelay: Duration = .seconds(5)
    ) {
        self.backends = backends
        self.logger = logger
        self.managersPerStep = managersPerStep
        self.seriesPerFold = seriesPerFold
        self.foldInterval = foldInterval
        self.retryDelay = retryDelay
    }

    /// Waits until the backends are prepared, runs backfill steps until every manager is counted, then folds the
    /// queued changes until the shutdown (a service that returned would end the others).
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        await backfill()
        await foldQueuedChanges()
    }

    /// Runs steps until every manager is counted or the service is asked to stop.
    func backfill() async {
        let started = ContinuousClock.now
        var steps = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                guard let manager = try await backends.repository.backfillReportAggregates(managersPerStep: managersPerStep) else {
                    if steps > 0 {
                        logger.info("report aggregates backfilled; the reports read them now", metadata: [
                            "steps": "\(steps)", "seconds": "\(started.duration(to: .now).components.seconds)",
                        ])
                    }
                    return
                }
                if steps == 0 { logger.info("backfilling the report aggregates from the stored results") }
                steps += 1
                if steps % 50 == 0 { logger.info("report aggregates backfilled up to a manager", metadata: ["manager_id": "\(manager)"]) }
            } catch {
                logger.warning("a step of the report aggregates' backfill failed; trying again", metadata: ["error": "\(error)"])
                await pause(retryDelay)
            }
        }
    }

    /// Empties the queues of changes every `foldInterval` until the service is asked to stop.
    func foldQueuedChanges() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                while try await backends.repository.foldReportChanges(maxSeries: seriesPerFold) == seriesPerFold {}
                await pause(foldInterval)
            } catch {
                logger.warning("folding the queued changes into the report aggregates failed; trying again",
                               metadata: ["error": "\(error)"])
                await pause(retryDelay)
            }
        }
    }

    /// Sleeps for `duration`, or less when the shutdown comes first.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
