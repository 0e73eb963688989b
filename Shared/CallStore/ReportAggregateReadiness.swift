import Synchronization

/// Whether a repository has seen the report aggregates' backfill finished: once it has, it stays so, and the reports
/// no longer ask.
final class ReportAggregateReadiness: Sendable {
    private let ready = Atomic(false)

    var isReady: Bool { ready.load(ordering: .acquiring) }

    func markReady() {
        ready.store(true, ordering: .releasing)
    }
}
