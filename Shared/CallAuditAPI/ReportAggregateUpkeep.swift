import CallAuditRuntime
import CallStore
import Logging
import ServiceLifecycle

/// Counts the results stored before the report aggregates existed into them, a few managers per transaction
/// (``CallRepository/backfillReportAggregates(managersPerStep:)``), so that saves go on beside it; the reports scan
/// the stored results until it has finished. Every ingest replica runs it: the steps take turns, and a database with
/// nothing to count finishes at the first step.
public struct ReportAggregateBackfill: Service {
    let backends: Backends
    let logger: Logger
    /// Managers counted per step.
    let managersPerStep: Int
    /// The wait before a step that failed is tried again.
    let retryDelay: Duration

    /// A backfill through `backends`' repository once they are prepared.
    public init(backends: Backends, logger: Logger, managersPerStep: Int = 5, retryDelay: Duration = .seconds(5)) {
        self.backends = backends
        self.logger = logger
        self.managersPerStep = managersPerStep
        self.retryDelay = retryDelay
    }

    /// Waits until the backends are prepared, runs steps until every manager is counted, then waits for the shutdown
    /// (a service that returns would end the others).
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        await backfill()
        try? await gracefulShutdown()
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
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: retryDelay) }
            }
        }
    }
}
