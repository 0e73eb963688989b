import Foundation
import PostgresClient

extension CallRepository {
    /// Counts the next `managersPerStep` managers' stored results into the report aggregates, in one transaction (see
    /// ``CallStoreMigrations/reportBackfill``); answers the last manager counted, or nil once every manager is and the
    /// reports read the aggregates.
    public func backfillReportAggregates(managersPerStep: Int) async throws -> String? {
        let rows = try await pool.query("SELECT report_backfill_step($1) AS counted", [.init(managersPerStep)])
        if let manager = rows.first?["counted"].string { return manager }
        reportAggregates.markReady()
        return nil
    }

    /// Folds the queued changes of up to `maxSeries` series (manager and mode) into their day rows and criterion running
    /// totals, in one transaction (see ``CallStoreMigrations/reportChanges``); answers how many series it folded, fewer
    /// than `maxSeries` once the queues are empty.
    public func foldReportChanges(maxSeries: Int) async throws -> Int {
        try await pool.query("SELECT report_changes_fold($1) AS folded", [.init(maxSeries)]).first?["folded"].int ?? 0
    }

    /// Whether the reports may read the aggregates: their backfill has finished (remembered once seen).
    func reportAggregatesReady() async throws -> Bool {
        if reportAggregates.isReady { return true }
        let ready = try await pool.query("SELECT finished_at IS NOT NULL AS ready FROM report_backfill").first?["ready"].bool
        if ready == true { reportAggregates.markReady() }
        return ready == true
    }
}
