import CallAuditCore
import Foundation
import Logging
import PostgresClient
import Testing
import TestSupport

@testable import CallStore

/// The backfill of the report aggregates (migration 11): results stored before the aggregates are counted in a few
/// managers at a time while results keep being saved, and the reports are right before, during and after.
@Suite("Report aggregates' backfill against PostgreSQL")
struct ReportBackfillTests {
    static let managers = ["anna", "boris", "chen", "dina"]
    static let days = 5

    /// Results of `managers` over the last `days` days, at random times, modes and scores.
    static func plan(_ count: Int, random: inout SeededRandom) -> [(manager: String, mode: CallMode, at: Date, score: Int)] {
        (0..<count).map { _ in
            (manager: managers[random.below(managers.count)], mode: [CallMode.manager, .dialog][random.below(2)],
             at: min(ReportAggregateTests.midnight(daysAgo: random.below(days)).addingTimeInterval(Double(random.below(86_400))),
                     Date().addingTimeInterval(-1)),
             score: random.below(101))
        }
    }

    /// Empties the aggregates and marks them not backfilled: a database whose results were stored before them. A new
    /// repository is answered, as the one given remembers the backfill finished.
    static func forgetAggregates(_ pool: PostgresPool) async throws -> CallRepository {
        try await pool.query("TRUNCATE report_days, report_criterion_totals, report_series, report_day_changes, report_criterion_changes")
        try await pool.query("UPDATE report_backfill SET finished_at = NULL, after_manager = NULL")
        return CallRepository(pool: pool)
    }

    @Test("a database without results needs no backfill: the first step finds it finished")
    func emptyDatabase() async throws {
        try await ReportAggregateTests.withStore { repository, pool in
            let finished = try await pool.query("SELECT finished_at IS NOT NULL AS done FROM report_backfill").first?["done"].bool
            #expect(finished == true)
            let step = try await repository.backfillReportAggregates(managersPerStep: 10)
            #expect(step == nil)
            let ready = try await repository.reportAggregatesReady()
            #expect(ready)
        }
    }

    @Test("a removed progress row is made again and everything is counted from the first manager")
    func progressRowRemoved() async throws {
        try await ReportAggregateTests.withStore { stored, pool in
            var random = SeededRandom(seed: 31)
            _ = try await ReportAggregateTests.store(stored, pool, Self.plan(30, random: &random), random: &random)
            let repository = try await Self.forgetAggregates(pool)
            try await pool.query("DELETE FROM report_backfill")
            var counted: [String] = []
            for _ in 0..<10 {
                guard let manager = try await repository.backfillReportAggregates(managersPerStep: 3) else { break }
                counted.append(manager)
            }
            #expect(counted == ["chen", "dina"], "three managers, then the fourth, then done")
            #expect(try await ReportAggregateTests.aggregateMismatches(pool) == 0)
        }
    }

    @Test("stored results are counted in a manager a step while workers save, redeliver, override and delete and the queued changes are folded: the reports equal a full scan before, during and after, and the aggregates a recount")
    func countsBesideWriters() async throws {
        try await ReportAggregateTests.withStore { stored, pool in
            var random = SeededRandom(seed: 11)
            let before = try await ReportAggregateTests.store(stored, pool, Self.plan(80, random: &random), random: &random)
            let repository = try await Self.forgetAggregates(pool)
            #expect(try await ReportAggregateTests.aggregateMismatches(pool) > 0, "the aggregates miss the stored results")
            let ready = try await repository.reportAggregatesReady()
            #expect(!ready)
            try await ReportAggregateTests.expectReportsMatchFullScan(repository, pool, days: Self.days, managers: Self.managers,
                                                                      backfilled: false)

            let later = Self.plan(60, random: &random)
            let counted = try await withThrowingTaskGroup(of: [String].self) { group in
                group.addTask {
                    var writer = SeededRandom(seed: 12)
                    for start in stride(from: 0, to: later.count, by: 6) {
                        _ = try await ReportAggregateTests.store(repository, pool, Array(later[start..<(start + 6)]), random: &writer, batch: 3)
                    }
                    try await repository.saveResult(before[0], result: ResultFixture.result(score: 4), usage: [])
                    try await pool.query("UPDATE call_results SET total_score = 100, reviewed = true WHERE call_id = $1", [.init(before[1])])
                    try await pool.query("UPDATE criterion_scores SET score = 1 WHERE call_id = $1", [.init(before[2])])
                    try await pool.query("DELETE FROM calls WHERE id = $1", [.init(before[3])])
                    return []
                }
                group.addTask {
                    for _ in 0..<30 {
                        _ = try await repository.foldReportChanges(maxSeries: 2)
                        try await Task.sleep(for: .milliseconds(15))
                    }
                    return []
                }
                group.addTask {
                    var counted: [String] = []
                    while let manager = try await repository.backfillReportAggregates(managersPerStep: 1) {
                        counted.append(manager)
                        try await Task.sleep(for: .milliseconds(20))
                    }
                    return counted
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(counted == Self.managers, "one manager a step, in order")
            let readyAfter = try await repository.reportAggregatesReady()
            #expect(readyAfter)
            try await ReportAggregateTests.expectReportsMatchFullScan(repository, pool, days: Self.days, managers: Self.managers)
        }
    }

    @Test("a step holds the locks of its own managers' series only: a save for another manager goes on, one for its manager waits")
    func locksItsManagersOnly() async throws {
        try await ReportAggregateTests.withStore { stored, pool in
            var random = SeededRandom(seed: 21)
            let ids = try await ReportAggregateTests.store(stored, pool, Self.plan(24, random: &random), random: &random)
            let owners = try await pool.query("SELECT call_id, manager_id FROM call_results WHERE call_id = ANY($1::uuid[])",
                                              [.uuidArray(ids)])
            let annas = owners.filter { $0["manager_id"].string == "anna" }.compactMap { $0["call_id"].uuid }
            let others = owners.filter { $0["manager_id"].string != "anna" }.compactMap { $0["call_id"].uuid }
            let repository = try await Self.forgetAggregates(pool)
            let holder = "SELECT pid FROM pg_stat_activity WHERE query LIKE '%report_backfill_step(1)%pg_sleep%' AND pid <> pg_backend_pid()"
            let step = Task {
                try await pool.transaction { connection in
                    _ = try connection.query("SELECT report_backfill_step(1), pg_sleep(60)")
                }
            }
            #expect(try await eventually { try await pool.query(holder).rows.count == 1 })
            try await Task.sleep(for: .milliseconds(200))
            try await pool.transaction { connection in
                _ = try connection.query("SET LOCAL lock_timeout = '5s'")
                _ = try connection.query("UPDATE call_results SET reviewed = true WHERE call_id = ANY($1::uuid[])", [.uuidArray(others)])
            }
            await #expect(throws: PostgresError.self, "anna's series are locked by the step") {
                try await pool.transaction { connection in
                    _ = try connection.query("SET LOCAL lock_timeout = '300ms'")
                    _ = try connection.query("UPDATE call_results SET reviewed = true WHERE call_id = $1", [.init(annas[0])])
                }
            }
            _ = try await pool.query("SELECT pg_cancel_backend(pid) FROM (\(holder)) AS step")
            _ = await step.result
            while try await repository.backfillReportAggregates(managersPerStep: 3) != nil {}
            #expect(try await ReportAggregateTests.aggregateMismatches(pool) == 0)
        }
    }
}
