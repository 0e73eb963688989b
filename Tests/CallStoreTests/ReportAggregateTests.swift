import CallAuditCore
import Foundation
import Logging
import PostgresClient
import Testing
import TestSupport

@testable import CallStore

/// The reports read per-day aggregates kept by triggers; whatever happens to the stored results, they must answer what
/// a full scan of the results answers.
@Suite("Report aggregates against PostgreSQL")
struct ReportAggregateTests {
    /// Runs `body` on a fresh database with every migration, or with those before `version` only (a database that an
    /// earlier version made).
    static func withStore(migratedBelow version: Int? = nil, _ body: (CallRepository, PostgresPool) async throws -> Void) async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let repository = CallRepository(pool: clients.postgres)
                if let version {
                    try await PostgresMigrator.migrate(clients.postgres, migrations: CallStoreMigrations.all.filter { $0.version < version },
                                                       logger: Logger(label: "test"))
                } else {
                    try await repository.migrate(logger: Logger(label: "test"))
                }
                try await body(repository, clients.postgres)
            }
        }
    }

    /// `count` results of `managers` in turn, over the last `days` days at random times, of the manager or dialog mode.
    static func alternatingPlan(_ count: Int, managers: [String], days: Int, random: inout SeededRandom)
        -> [(manager: String, mode: CallMode, at: Date, score: Int)] {
        (0..<count).map { index in
            (manager: managers[index % managers.count], mode: [CallMode.manager, .dialog][random.below(2)],
             at: min(midnight(daysAgo: random.below(days)).addingTimeInterval(Double(random.below(86_400))),
                     Date().addingTimeInterval(-1)),
             score: random.below(101))
        }
    }

    /// Midnight UTC, `days` days before today.
    static func midnight(daysAgo days: Int) -> Date {
        let today = (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400
        return Date(timeIntervalSince1970: today - Double(days) * 86_400)
    }

    /// Inserts calls created at the given instants and saves their results in batches of `batch`.
    static func store(_ repository: CallRepository, _ pool: PostgresPool, _ plan: [(manager: String, mode: CallMode, at: Date, score: Int)],
                      random: inout SeededRandom, batch: Int = 7) async throws -> [UUID] {
        let calls = plan.map { CallRepositoryTests.textCall(manager: $0.manager, mode: $0.mode) }
        _ = try await repository.insert(calls)
        for (call, step) in zip(calls, plan) {
            try await pool.query("UPDATE calls SET created_at = $2 WHERE id = $1", [.init(call.id), .init(step.at)])
        }
        var finished: [FinishedCall] = []
        for (call, step) in zip(calls, plan) {
            let result = ResultFixture.result(mode: step.mode, score: step.score, sentiment: random.unit() * 2 - 1,
                                              profanity: random.unit() < 0.2)
            let usage = [ProviderUsage(step: "analysis", provider: "openai", costUSD: Double(random.below(1000)) / 100_000)]
            finished.append(FinishedCall(id: call.id, result: result, usage: usage))
        }
        for start in stride(from: 0, to: finished.count, by: batch) {
            try await repository.saveResults(Array(finished[start..<min(start + batch, finished.count)]))
        }
        return calls.map(\.id)
    }

    /// The per-manager report computed by scanning `call_results` and `criterion_scores`, as before the aggregates.
    static func fullScan(_ pool: PostgresPool, _ period: ReportPeriod, manager: String? = nil) async throws -> [ManagerSummary] {
        let scope: [PostgresParameter] = [.init(period.from), .init(period.to), .init(period.mode?.rawValue), .init(manager)]
        let condition = "r.call_created_at >= $1 AND r.call_created_at < $2 AND ($3::text IS NULL OR r.mode = $3) AND ($4::text IS NULL OR r.manager_id = $4)"
        let totals = try await pool.query("""
            SELECT manager_id, count(*) AS calls, avg(total_score)::float8 AS avg_score, min(total_score) AS min_score,
                   max(total_score) AS max_score, avg(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END)::float8 AS negative_share,
                   count(*) FILTER (WHERE has_profanity) AS profanity_calls, count(*) FILTER (WHERE reviewed) AS reviewed_calls,
                   max(call_created_at) AS last_call_at,
                   sum(cost_usd)::float8 AS cost_usd
            FROM call_results AS r WHERE \(condition) GROUP BY manager_id ORDER BY manager_id
            """, scope)
        let criteria = try await pool.query("""
            SELECT r.manager_id, s.key, min(s.name) AS name, avg(s.score)::float8 AS average, count(*) AS calls
            FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            WHERE \(condition) GROUP BY r.manager_id, s.key ORDER BY r.manager_id, s.key
            """, scope)
        return try totals.map { row in
            let manager = try #require(row["manager_id"].string)
            let averages = try criteria.filter { $0["manager_id"].string == manager }.map {
                CriterionAverage(key: try #require($0["key"].string), name: try #require($0["name"].string),
                                 average: CallRepository.rounded(try #require($0["average"].double)), calls: try #require($0["calls"].int))
            }
            return ManagerSummary(
                managerID: manager, calls: try #require(row["calls"].int),
                averageScore: CallRepository.rounded(try #require(row["avg_score"].double)),
                minScore: try #require(row["min_score"].int), maxScore: try #require(row["max_score"].int), criteria: averages,
                negativeSentimentShare: CallRepository.rounded(try #require(row["negative_share"].double)),
                callsWithProfanity: try #require(row["profanity_calls"].int), reviewedCalls: try #require(row["reviewed_calls"].int),
                lastCallAt: try #require(row["last_call_at"].date),
                costUSD: (try #require(row["cost_usd"].double) * 1_000_000).rounded() / 1_000_000)
        }
    }

    /// A manager's trend computed by scanning `call_results`.
    static func fullScanTrend(_ pool: PostgresPool, _ period: ReportPeriod, manager: String, bucket: TrendBucket) async throws -> [TrendPoint] {
        let rows = try await pool.query("""
            SELECT date_trunc($5, call_created_at, 'UTC') AS period_start, count(*) AS calls, avg(total_score)::float8 AS avg_score
            FROM call_results WHERE call_created_at >= $1 AND call_created_at < $2 AND ($3::text IS NULL OR mode = $3) AND manager_id = $4
            GROUP BY 1 ORDER BY 1
            """, [.init(period.from), .init(period.to), .init(period.mode?.rawValue), .init(manager), .init(bucket.rawValue)])
        return try rows.map {
            TrendPoint(periodStart: try #require($0["period_start"].date), calls: try #require($0["calls"].int),
                       averageScore: CallRepository.rounded(try #require($0["avg_score"].double)))
        }
    }

    /// Folds every queued change into the day rows and running totals, as the ingest does every second.
    static func foldQueuedChanges(_ repository: CallRepository) async throws {
        while try await repository.foldReportChanges(maxSeries: 3) == 3 {}
    }

    /// Rows of the aggregate tables that differ from a recount of the stored results (0 when they are exact), once the
    /// queued changes are folded in: each day row, each week row, each running criterion total (the sums up to its day)
    /// and each series' copy of its latest, and
    /// a running total for every day with scores.
    static func aggregateMismatches(_ pool: PostgresPool) async throws -> Int {
        try await foldQueuedChanges(CallRepository(pool: pool))
        let rows = try await pool.query("""
            WITH raw AS (
                SELECT manager_id, mode, (call_created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS calls,
                       sum(total_score)::bigint AS score_sum, sum(total_score * total_score)::bigint AS score_squares,
                       min(total_score) AS min_score, max(total_score) AS max_score,
                       (count(*) FILTER (WHERE sentiment = 'negative'))::int AS negative_calls,
                       (count(*) FILTER (WHERE has_profanity))::int AS profanity_calls,
                       (count(*) FILTER (WHERE reviewed))::int AS reviewed_calls, sum(cost_usd) AS cost_usd,
                       max(call_created_at) AS last_call_at
                FROM call_results GROUP BY 1, 2, 3
            ), kept AS (
                SELECT manager_id, mode, day, calls, score_sum, score_squares, min_score, max_score, negative_calls,
                       profanity_calls, reviewed_calls, cost_usd, last_call_at
                FROM report_days WHERE calls > 0
            ), raw_weeks AS (
                SELECT manager_id, mode, date_trunc('week', day::timestamp)::date AS week, sum(calls)::int AS calls,
                       sum(score_sum)::bigint AS score_sum, sum(score_squares)::bigint AS score_squares,
                       min(min_score) AS min_score, max(max_score) AS max_score, sum(negative_calls)::int AS negative_calls,
                       sum(profanity_calls)::int AS profanity_calls, sum(reviewed_calls)::int AS reviewed_calls,
                       sum(cost_usd) AS cost_usd, max(last_call_at) AS last_call_at
                FROM raw GROUP BY 1, 2, 3
            ), kept_weeks AS (
                SELECT manager_id, mode, week, calls, score_sum, score_squares, min_score, max_score, negative_calls,
                       profanity_calls, reviewed_calls, cost_usd, last_call_at
                FROM report_weeks WHERE calls > 0
            ), kept_criteria AS (
                SELECT t.manager_id, t.mode, t.day, t.criteria,
                       (SELECT coalesce(array_agg(ROW(key, name, score_sum, calls)::report_criterion ORDER BY key, name), '{}')
                        FROM (SELECT s.key, s.name, sum(s.score)::bigint AS score_sum, count(*)::int AS calls
                              FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
                              WHERE r.manager_id = t.manager_id AND r.mode = t.mode
                                AND (r.call_created_at AT TIME ZONE 'UTC')::date <= t.day
                              GROUP BY 1, 2) AS c) AS counted
                FROM report_criterion_totals AS t
            ), raw_criteria_days AS (
                SELECT DISTINCT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date AS day
                FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            )
            SELECT (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM kept) AS a)
                 + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM raw) AS b)
                 + (SELECT count(*) FROM (SELECT * FROM raw_weeks EXCEPT SELECT * FROM kept_weeks) AS c)
                 + (SELECT count(*) FROM (SELECT * FROM kept_weeks EXCEPT SELECT * FROM raw_weeks) AS d)
                 + (SELECT count(*) FROM report_weeks WHERE calls = 0 AND min_score IS NOT NULL)
                 + (SELECT count(*) FROM kept_criteria WHERE criteria IS DISTINCT FROM counted)
                 + (SELECT count(*) FROM report_series AS s
                    LEFT JOIN LATERAL (SELECT t.day, t.criteria FROM report_criterion_totals AS t
                                       WHERE (t.manager_id, t.mode) = (s.manager_id, s.mode)
                                       ORDER BY t.day DESC LIMIT 1) AS latest ON true
                    WHERE s.latest_day IS DISTINCT FROM latest.day OR s.latest_criteria IS DISTINCT FROM latest.criteria)
                 + (SELECT count(*) FROM raw_criteria_days AS d WHERE NOT EXISTS (
                        SELECT 1 FROM report_criterion_totals AS t
                        WHERE (t.manager_id, t.mode, t.day) = (d.manager_id, d.mode, d.day)))
                 + (SELECT count(*) FROM kept_criteria AS t WHERE NOT EXISTS (
                        SELECT 1 FROM report_series AS s WHERE (s.manager_id, s.mode) = (t.manager_id, t.mode)))
                 + (SELECT count(*) FROM report_days WHERE calls = 0 AND min_score IS NOT NULL)
                 + (SELECT count(*) FROM report_day_changes) + (SELECT count(*) FROM report_criterion_changes) AS mismatches
            """)
        return try #require(rows.first?["mismatches"].int)
    }

    /// Periods that start and end mid-day, on midnights, inside one day, with and without a mode, and the default
    /// period's shape (midnight to now).
    static func periods(days: Int) -> [ReportPeriod] {
        let now = Date()
        let start = midnight(daysAgo: days)
        return [
            ReportPeriod(from: now.addingTimeInterval(-Double(days + 1) * 86_400), to: now.addingTimeInterval(60)),
            ReportPeriod(from: start.addingTimeInterval(3 * 3600 + 17), to: midnight(daysAgo: 1).addingTimeInterval(5 * 3600)),
            ReportPeriod(from: start, to: midnight(daysAgo: 2)),
            ReportPeriod(from: midnight(daysAgo: 3).addingTimeInterval(3600), to: midnight(daysAgo: 3).addingTimeInterval(20 * 3600)),
            ReportPeriod(from: start.addingTimeInterval(7200), to: now, mode: .dialog),
            ReportPeriod(from: midnight(daysAgo: 4), to: now.addingTimeInterval(60), mode: .manager),
            ReportPeriod(from: start, to: now, endsNow: true),
        ]
    }

    /// Expects every report of `periods(days:)` to equal a full scan, with the changes that the saves queued
    /// and once they are folded; and the aggregates then to equal a recount, unless they are not yet `backfilled` (the
    /// reports then scan).
    static func expectReportsMatchFullScan(
        _ repository: CallRepository, _ pool: PostgresPool, days: Int, managers: [String], backfilled: Bool = true
    ) async throws {
        try await expectReportsMatchFullScan(repository, pool, days: days, managers: managers, queue: "with the queued changes")
        if backfilled { #expect(try await aggregateMismatches(pool) == 0) }
        try await expectReportsMatchFullScan(repository, pool, days: days, managers: managers, queue: "once they are folded")
    }

    private static func expectReportsMatchFullScan(
        _ repository: CallRepository, _ pool: PostgresPool, days: Int, managers: [String], queue: String
    ) async throws {
        for period in periods(days: days) {
            let expected = try await fullScan(pool, period)
            #expect(try await repository.managerSummaries(period) == expected,
                    "period \(period.from) – \(period.to) \(period.mode?.rawValue ?? ""), \(queue)")
            for manager in managers {
                let report = try await repository.managerReport(manager, period: period, bucket: .day)
                #expect(report.summary == expected.first { $0.managerID == manager }, "\(manager), \(queue)")
                #expect(report.trend == (try await fullScanTrend(pool, period, manager: manager, bucket: .day)))
                let weekly = try await repository.managerReport(manager, period: period, bucket: .week)
                #expect(weekly.trend == (try await fullScanTrend(pool, period, manager: manager, bucket: .week)))
            }
        }
    }

    @Test("a period that reaches now reads its last day whole from the aggregates; one that ends before now scans its end")
    func lastDayWhole() {
        let today = Self.midnight(daysAgo: 0), threeDaysAgo = Self.midnight(daysAgo: 3)
        let now = today.addingTimeInterval(5 * 3600)
        let period = ReportPeriod(from: threeDaysAgo, to: now)
        let reachingNow = period.wholeDays(now: now)
        #expect(reachingNow.start == threeDaysAgo && reachingNow.end == today.addingTimeInterval(86_400))
        let endingBefore = period.wholeDays(now: now.addingTimeInterval(1))
        #expect(endingBefore.start == threeDaysAgo && endingBefore.end == today)
        let askedUntilNow = ReportPeriod(from: threeDaysAgo, to: now, endsNow: true).wholeDays(now: now.addingTimeInterval(1))
        #expect(askedUntilNow.end == today.addingTimeInterval(86_400), "read a moment after it was asked for, it still ends now")
        let withinToday = ReportPeriod(from: today.addingTimeInterval(3600), to: now).wholeDays(now: now)
        #expect(withinToday.start == now && withinToday.end == now, "no whole day: the period is scanned")
    }

    @Test("for random results, redeliveries, overrides and deletions the reports equal a full scan, field by field")
    func reportsEqualFullScan() async throws {
        try await Self.withStore { repository, pool in
            var random = SeededRandom(seed: 13)
            let managers = ["anna", "boris", "chen", "dina"]
            let modes: [CallMode] = [.manager, .client, .dialog]
            let days = 20
            let plan = (0..<120).map { _ in
                (manager: managers[random.below(managers.count)], mode: modes[random.below(modes.count)],
                 at: min(Self.midnight(daysAgo: random.below(days)).addingTimeInterval(Double(random.below(86_400))),
                         Date().addingTimeInterval(-1)),
                 score: random.below(101))
            }
            let ids = try await Self.store(repository, pool, plan, random: &random)
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers)

            // A redelivered call: its result is saved again, with other scores.
            try await repository.saveResult(ids[0], result: ResultFixture.result(mode: plan[0].mode, score: 3), usage: [])
            try await repository.saveResults([FinishedCall(id: ids[1], result: ResultFixture.result(mode: plan[1].mode, score: 99), usage: []),
                                              FinishedCall(id: ids[2], result: ResultFixture.result(mode: plan[2].mode, score: 0), usage: [])])
            // A reviewer's override of a criterion and the total, straight in SQL.
            try await pool.query("UPDATE criterion_scores SET score = 100 - score WHERE call_id = ANY($1::uuid[])", [.uuidArray(Array(ids[3..<10]))])
            try await pool.query("UPDATE criterion_scores SET name = 'Renamed' WHERE call_id = $1 AND key = 'politeness'", [.init(ids[10])])
            try await pool.query("UPDATE call_results SET total_score = 100, reviewed = true WHERE call_id = ANY($1::uuid[])",
                                 [.uuidArray(Array(ids[11..<16]))])
            // Deletions: of calls (their results and scores go too), of a result alone, of one criterion score.
            try await pool.query("DELETE FROM calls WHERE id = ANY($1::uuid[])", [.uuidArray(Array(ids[16..<22]))])
            try await pool.query("DELETE FROM call_results WHERE call_id = $1", [.init(ids[22])])
            try await pool.query("DELETE FROM criterion_scores WHERE call_id = $1 AND key = 'politeness'", [.init(ids[23])])
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers)

            // A deleted result saved again counts again, with its criteria.
            try await repository.saveResult(ids[22], result: ResultFixture.result(mode: plan[22].mode, score: 61), usage: [])
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers)
        }
    }

    @Test("criterion scores stored before the running totals (migration 10) are counted in by the backfill, renames and deletions included; the reports scan until then")
    func upgradeToRunningTotals() async throws {
        try await Self.withStore(migratedBelow: 10) { repository, pool in
            var random = SeededRandom(seed: 10)
            let managers = ["anna", "boris", "chen"]
            let days = 5
            let plan = Self.alternatingPlan(60, managers: managers, days: days, random: &random)
            let ids = try await Self.store(repository, pool, plan, random: &random)
            try await pool.query("UPDATE criterion_scores SET name = 'Renamed' WHERE call_id = $1 AND key = 'politeness'", [.init(ids[4])])
            try await pool.query("DELETE FROM calls WHERE id = ANY($1::uuid[])", [.uuidArray(Array(ids[10..<14]))])
            try await repository.migrate(logger: Logger(label: "test"))
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers, backfilled: false)
            var counted: [String] = []
            while let manager = try await repository.backfillReportAggregates(managersPerStep: 2) { counted.append(manager) }
            #expect(counted == ["boris", "chen"], "two managers a step, in order")
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers)
        }
    }

    @Test("day totals stored before the weekly roll-up (migration 13) are rolled up, and each series' latest criterion totals copied (14), by the migrations; the reports read them")
    func upgradeToWeeks() async throws {
        try await Self.withStore(migratedBelow: 13) { repository, pool in
            var random = SeededRandom(seed: 21)
            let managers = ["anna", "boris"]
            let days = 16
            let plan = Self.alternatingPlan(60, managers: managers, days: days, random: &random)
            _ = try await Self.store(repository, pool, plan, random: &random)
            try await Self.foldQueuedChanges(repository)
            try await repository.migrate(logger: Logger(label: "test"))
            let weeks = try await pool.query("SELECT count(*) AS n FROM report_weeks WHERE calls > 0").first?["n"].int
            #expect((weeks ?? 0) >= 4, "two managers, two modes and at least two weeks in 16 days")
            #expect(try await Self.aggregateMismatches(pool) == 0)
            try await Self.expectReportsMatchFullScan(repository, pool, days: days, managers: managers)
        }
    }

    @Test("results changed, redelivered and deleted while their days' changes are still queued are counted once")
    func changesBeforeTheFold() async throws {
        try await Self.withStore { repository, pool in
            var random = SeededRandom(seed: 17)
            let managers = ["anna", "boris"]
            let plan = (0..<40).map { index in
                (manager: managers[index % 2], mode: CallMode.manager,
                 at: min(Self.midnight(daysAgo: index % 3).addingTimeInterval(Double(random.below(86_400))), Date().addingTimeInterval(-1)),
                 score: random.below(101))
            }
            let ids = try await Self.store(repository, pool, plan, random: &random)
            let queued = try await pool.query("SELECT count(*) AS n FROM report_day_changes").first?["n"].int
            #expect(queued ?? 0 > 0, "the saves' changes wait in the queue")
            try await repository.saveResult(ids[0], result: ResultFixture.result(mode: .manager, score: 1), usage: [])
            try await pool.query("UPDATE call_results SET total_score = 100, reviewed = true WHERE call_id = ANY($1::uuid[])",
                                 [.uuidArray(Array(ids[1..<4]))])
            try await pool.query("UPDATE criterion_scores SET score = 0 WHERE call_id = $1", [.init(ids[4])])
            try await pool.query("DELETE FROM calls WHERE id = ANY($1::uuid[])", [.uuidArray(Array(ids[5..<8]))])
            try await Self.expectReportsMatchFullScan(repository, pool, days: 3, managers: managers)
        }
    }

    @Test("concurrent workers saving, redelivering and overriding results for one manager and day, with the queued changes folded meanwhile, lose no update")
    func concurrentWriters() async throws {
        try await Self.withStore { repository, pool in
            let now = Date()
            let workers = 6
            let perWorker = 40
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        var random = SeededRandom(seed: UInt64(worker + 1))
                        let plan = (0..<perWorker).map { index in
                            (manager: "busy", mode: CallMode.manager, at: now.addingTimeInterval(-Double(index)), score: random.below(101))
                        }
                        let ids = try await Self.store(repository, pool, plan, random: &random, batch: 4)
                        try await repository.saveResult(ids[0], result: ResultFixture.result(score: random.below(101)), usage: [])
                        try await pool.query("UPDATE call_results SET total_score = $2, reviewed = true WHERE call_id = $1",
                                             [.init(ids[1]), .init(random.below(101))])
                        try await pool.query("UPDATE criterion_scores SET score = 7 WHERE call_id = $1", [.init(ids[2])])
                        try await pool.query("DELETE FROM calls WHERE id = $1", [.init(ids[3])])
                    }
                }
                group.addTask {
                    for _ in 0..<40 {
                        _ = try await repository.foldReportChanges(maxSeries: 1)
                        try await Task.sleep(for: .milliseconds(10))
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.aggregateMismatches(pool) == 0)
            let period = ReportPeriod(from: now.addingTimeInterval(-86_400), to: now.addingTimeInterval(60))
            let summaries = try await repository.managerSummaries(period)
            #expect(summaries.first?.calls == workers * (perWorker - 1))
            #expect(summaries == (try await Self.fullScan(pool, period)))
        }
    }

    @Test("a criterion score without a result is refused, and a result keeps its call's manager")
    func guards() async throws {
        try await Self.withStore { repository, pool in
            let call = CallRepositoryTests.textCall(manager: "anna")
            _ = try await repository.insert(call)
            await #expect(throws: PostgresError.self) {
                try await pool.query("INSERT INTO criterion_scores (call_id, key, name, score, weight) VALUES ($1, 'k', 'K', 5, 1)",
                                     [.init(call.id)])
            }
            try await repository.saveResult(call.id, result: ResultFixture.result(score: 70), usage: [])
            await #expect(throws: PostgresError.self) {
                try await pool.query("UPDATE call_results SET manager_id = 'boris' WHERE call_id = $1", [.init(call.id)])
            }
            #expect(try await Self.aggregateMismatches(pool) == 0)
        }
    }

    @Test("a page of managers is sorted by average, calls or a criterion, and pages neither skip nor repeat")
    func pages() async throws {
        try await Self.withStore { repository, pool in
            var random = SeededRandom(seed: 7)
            let plan = (0..<60).map { index in
                (manager: "m\(index % 12)", mode: CallMode.manager, at: Date().addingTimeInterval(-Double(random.below(80_000))),
                 score: random.below(101))
            }
            _ = try await Self.store(repository, pool, plan, random: &random)
            let period = ReportPeriod(from: Date().addingTimeInterval(-2 * 86_400), to: Date().addingTimeInterval(60))
            let all = try await Self.fullScan(pool, period)
            let byAverage = try await repository.managerPage(period, page: ManagerPageRequest(sort: .average, limit: 5))
            #expect(byAverage.total == 12)
            #expect(byAverage.managers.map(\.averageScore) == Array(all.map(\.averageScore).sorted(by: >).prefix(5)))
            var paged: [ManagerSummary] = []
            for offset in stride(from: 0, to: 12, by: 5) {
                paged += try await repository.managerPage(period, page: ManagerPageRequest(sort: .calls, descending: false, limit: 5, offset: offset)).managers
            }
            #expect(Set(paged.map(\.managerID)).count == 12)
            #expect(paged.map(\.calls) == all.map(\.calls).sorted())
            let byCriterion = try await repository.managerPage(period, page: ManagerPageRequest(sort: .criterion("needs_discovery")))
            let criterionAverages = byCriterion.managers.compactMap { $0.criteria.first { $0.key == "needs_discovery" }?.average }
            #expect(criterionAverages.count == 12)
            #expect(criterionAverages == criterionAverages.sorted(by: >))
        }
    }
}

/// SplitMix64: reproducible pseudo-random numbers for the tests.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
