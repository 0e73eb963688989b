import CallAuditCore
import Foundation
import PostgresClient

/// Reports read the aggregates (`report_days` per day, see ``CallStoreMigrations/reportAggregates``, rolled up by week
/// in `report_weeks`, see ``CallStoreMigrations/reportWeeks``, and the running criterion totals, see
/// ``CallStoreMigrations/criterionTotals``, each with the changes queued for them in the same statement, see
/// ``CallStoreMigrations/reportChanges``) for the whole UTC days of a period and scan the stored results of the
/// partial days at its ends; until the aggregates' backfill has finished
/// (``CallStoreMigrations/reportBackfill``), they scan the whole period. Every query takes `$1` from, `$2` to, `$3`
/// mode or NULL, `$4` manager or NULL, `$5` and `$6` the whole days' start and end (``ReportPeriod/wholeDays(now:)``),
/// then its own parameters.
extension CallRepository {
    /// The per-manager report: one row per manager with analyzed calls in the period, ordered by manager id.
    public func managerSummaries(_ period: ReportPeriod) async throws -> [ManagerSummary] {
        try await managerPage(period, page: ManagerPageRequest()).managers
    }

    /// A page of the per-manager report, sorted as asked, with the number of managers on all pages.
    public func managerPage(_ period: ReportPeriod, page: ManagerPageRequest) async throws -> ManagerPage {
        try await summaries(period, managerID: nil, page: page)
    }

    /// One manager over a period: totals, a trend by day or week, criteria averages and the latest calls. The totals
    /// are read beside the trend and the calls, on other connections.
    public func managerReport(_ managerID: String, period: ReportPeriod, bucket: TrendBucket, recentLimit: Int = 10) async throws -> ManagerReport {
        async let summaries = summaries(period, managerID: managerID, page: ManagerPageRequest(limit: 1))
        let trendRows = try await pool.query("""
            WITH parts AS (
                SELECT day::timestamp AT TIME ZONE 'UTC' AS at, calls, score_sum
                FROM report_days WHERE \(Self.daysCondition) AND calls > 0
                UNION ALL
                SELECT day::timestamp AT TIME ZONE 'UTC', calls, score_sum FROM report_day_changes WHERE \(Self.daysCondition)
                UNION ALL
                SELECT call_created_at, 1, total_score FROM call_results WHERE \(Self.partialDaysCondition(table: "call_results"))
            )
            SELECT date_trunc($7, at, 'UTC') AS period_start, sum(calls) AS calls,
                   (sum(score_sum)::numeric / sum(calls))::float8 AS avg_score
            FROM parts GROUP BY 1 ORDER BY 1
            """, try await scopeParameters(period, managerID: managerID) + [.init(bucket.rawValue)])
        let trend = try trendRows.map { row in
            guard let start = row["period_start"].date, let calls = row["calls"].int, let average = row["avg_score"].double else {
                throw CallStoreError.corruptRow("report_days")
            }
            return TrendPoint(periodStart: start, calls: calls, averageScore: Self.rounded(average))
        }
        let recentRows = try await pool.query("""
            SELECT r.call_id, c.external_id, r.mode, r.total_score, r.sentiment, r.has_profanity, r.call_created_at
            FROM call_results r JOIN calls c ON c.id = r.call_id
            WHERE r.call_created_at >= $1 AND r.call_created_at < $2
              AND ($3::text IS NULL OR r.mode = $3) AND r.manager_id = $4
            ORDER BY r.call_created_at DESC LIMIT $5
            """, [.init(period.from), .init(period.to), .init(period.mode?.rawValue), .init(managerID), .init(recentLimit)])
        let recent = try recentRows.map { row in
            guard let id = row["call_id"].uuid,
                  let mode = row["mode"].string.flatMap(CallMode.init(rawValue:)),
                  let score = row["total_score"].int,
                  let sentiment = row["sentiment"].string.flatMap(SentimentLabel.init(rawValue:)),
                  let profanity = row["has_profanity"].bool,
                  let created = row["call_created_at"].date
            else { throw CallStoreError.corruptRow("call_results") }
            return RecentCall(id: id.uuidString.lowercased(), externalID: row["external_id"].string, mode: mode, totalScore: score,
                              sentiment: sentiment, hasProfanity: profanity, createdAt: created)
        }
        return ManagerReport(summary: try await summaries.managers.first, bucket: bucket, trend: trend, recentCalls: recent)
    }

    /// The first whole day in scope and the day after the last, as dates.
    private static let firstWholeDay = "($5::timestamptz AT TIME ZONE 'UTC')::date"
    private static let endOfWholeDays = "($6::timestamptz AT TIME ZONE 'UTC')::date"

    /// The mode and manager in scope, of unqualified aggregate rows.
    private static let seriesCondition = "($3::text IS NULL OR mode = $3) AND ($4::text IS NULL OR manager_id = $4)"

    /// The `report_days` rows (or queued changes) of the whole days in scope (unqualified).
    static let daysCondition = "day >= \(firstWholeDay) AND day < \(endOfWholeDays) AND \(seriesCondition)"

    /// The first Monday of the whole days and the last Monday before their end: the weeks from one to the other are the
    /// whole weeks in scope (none when the first is not before the last).
    private static let firstMonday = "date_trunc('week', (\(firstWholeDay) + 6)::timestamp)::date"
    private static let lastMonday = "date_trunc('week', \(endOfWholeDays)::timestamp)::date"

    /// The `report_weeks` rows of the whole weeks in scope (unqualified).
    private static let weeksCondition = "week >= \(firstMonday) AND week < \(lastMonday) AND \(seriesCondition)"

    /// The `report_days` rows of the whole days in scope outside its whole weeks (unqualified): the days before the
    /// first Monday and from the last one on, as two ranges of the days' index.
    private static let daysOutsideWeeksCondition = """
        (day >= \(firstWholeDay) AND day < least(\(firstMonday), \(endOfWholeDays))
         OR day >= greatest(\(lastMonday), \(firstWholeDay)) AND day < \(endOfWholeDays))
        AND \(seriesCondition)
        """

    /// The rows of `call_results` (named `table` in the query) in the partial days at the ends of the period.
    static func partialDaysCondition(table: String) -> String {
        """
        (\(table).call_created_at >= $1 AND \(table).call_created_at < $5
         OR \(table).call_created_at >= $6 AND \(table).call_created_at < $2)
        AND ($3::text IS NULL OR \(table).mode = $3) AND ($4::text IS NULL OR \(table).manager_id = $4)
        """
    }

    /// Criterion score sums and counts in scope, as `parts` rows of manager, key, name, `score_sum` (float8, exact for
    /// any realistic sum and summed much faster than numeric) and `calls`, to be summed up by the caller; `extra`
    /// narrows every part (it may name `manager_id` and `key`). The whole days are the running totals at their end
    /// less those at their start, two rows per manager and mode (see ``CallStoreMigrations/criterionTotals``); the
    /// queued changes of the whole days not yet folded into the running totals (see
    /// ``CallStoreMigrations/reportChanges``) are added, and the partial days are a row per stored score.
    static func criterionParts(_ extra: String) -> String {
        """
        SELECT * FROM (
            SELECT s.manager_id, c.key, c.name, (bound.sign * c.score_sum)::float8 AS score_sum, bound.sign * c.calls AS calls
            FROM report_series AS s
            CROSS JOIN LATERAL (
                SELECT 1 AS sign, \(criterionTotals(before: "$6")) AS criteria
                UNION ALL
                SELECT -1, \(criterionTotals(before: "$5"))
            ) AS bound
            CROSS JOIN LATERAL unnest(bound.criteria) AS c
            WHERE ($3::text IS NULL OR s.mode = $3) AND ($4::text IS NULL OR s.manager_id = $4)
        ) AS whole WHERE \(extra)
        UNION ALL
        SELECT * FROM (
            SELECT q.manager_id, c.key, c.name, c.score_sum::float8 AS score_sum, c.calls
            FROM report_criterion_changes AS q CROSS JOIN LATERAL unnest(q.criteria) AS c
            WHERE \(daysCondition)
        ) AS queued WHERE \(extra)
        UNION ALL
        SELECT * FROM (
            SELECT r.manager_id, s.key, s.name, s.score::float8 AS score_sum, 1 AS calls
            FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            WHERE \(partialDaysCondition(table: "r"))
        ) AS partial WHERE \(extra)
        """
    }

    func scopeParameters(_ period: ReportPeriod, managerID: String?) async throws -> [PostgresParameter] {
        let whole = try await reportAggregatesReady() ? period.wholeDays(now: Date()) : (start: period.to, end: period.to)
        return [.init(period.from), .init(period.to), .init(period.mode?.rawValue), .init(managerID), .init(whole.start),
                .init(whole.end)]
    }

    /// Runs an aggregating report query with room to group and sort in memory: the scans of partial days and the
    /// sort by a criterion group hundreds of thousands of rows for a large call center, which spilled to disk at
    /// PostgreSQL's default 4 MB and then took twice as long.
    func reportQuery(_ sql: String, _ parameters: [PostgresParameter]) async throws -> PostgresResult {
        try await pool.transaction { connection in
            _ = try connection.query("SET LOCAL work_mem = '64MB'")
            return try connection.query(sql, parameters)
        }
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }

    /// Each manager's criterion averages in scope, of the managers in `managers` (NULL for all). The whole days are
    /// each series' running totals at their end less those at their start: two arrays a series, read in binary and
    /// summed here (unnesting and grouping twenty thousand records took the server three times as long), and, in the
    /// same statement, the arrays of the changes queued for those days and not yet folded into the totals. The partial
    /// days' scores are summed by the server. (Each query takes the scope's six parameters; those it does not use are
    /// named once so that the server knows their types.)
    private func criteria(_ scope: [PostgresParameter], managers: PostgresParameter) async throws -> [String: [CriterionAverage]] {
        var entries: [String: [CriterionTotal]] = [:]
        let totals = try await pool.query("""
            SELECT s.manager_id, \(Self.criterionTotals(before: "$6")) AS upper, \(Self.criterionTotals(before: "$5")) AS lower
            FROM report_series AS s
            WHERE ($3::text IS NULL OR s.mode = $3) AND ($4::text IS NULL OR s.manager_id = $4)
              AND ($7::text[] IS NULL OR s.manager_id = ANY($7::text[])) AND $1::timestamptz IS NOT NULL AND $2::timestamptz IS NOT NULL
            UNION ALL
            SELECT manager_id, criteria, NULL FROM report_criterion_changes
            WHERE \(Self.daysCondition) AND ($7::text[] IS NULL OR manager_id = ANY($7::text[]))
            """, scope + [managers], binaryResults: true)
        for row in totals {
            guard let manager = row[0].string else { throw CallStoreError.corruptRow("report_series") }
            for (cell, sign) in [(row[1], 1), (row[2], -1)] {
                guard let bytes = cell.binary else { continue }
                entries[manager, default: []] += try CriterionTotal.decodeArray(bytes).map { total in
                    CriterionTotal(key: total.key, name: total.name, scoreSum: sign * total.scoreSum, calls: sign * total.calls)
                }
            }
        }
        let partial = try await pool.query("""
            SELECT r.manager_id, s.key, s.name, sum(s.score)::bigint AS score_sum, count(*) AS calls
            FROM criterion_scores s JOIN call_results r ON r.call_id = s.call_id
            WHERE \(Self.partialDaysCondition(table: "r")) AND ($7::text[] IS NULL OR r.manager_id = ANY($7::text[]))
              AND $5::timestamptz IS NOT NULL AND $6::timestamptz IS NOT NULL
            GROUP BY 1, 2, 3
            """, scope + [managers])
        for row in partial {
            guard let manager = row[0].string, let key = row[1].string, let name = row[2].string,
                  let scoreSum = row[3].int, let calls = row[4].int
            else { throw CallStoreError.corruptRow("criterion_scores") }
            entries[manager, default: []].append(CriterionTotal(key: key, name: name, scoreSum: scoreSum, calls: calls))
        }
        return entries.compactMapValues(Self.criterionAverages)
    }

    /// The criteria array of a series' (`s`) running totals at the end of the last day before `day` (a parameter): the
    /// series' latest totals when they are older than that day (see ``CallStoreMigrations/seriesLatestTotals``), else
    /// its row looked up.
    static func criterionTotals(before day: String) -> String {
        """
        CASE WHEN s.latest_day < (\(day)::timestamptz AT TIME ZONE 'UTC')::date THEN s.latest_criteria ELSE
        (SELECT t.criteria FROM report_criterion_totals AS t
         WHERE t.manager_id = s.manager_id AND t.mode = s.mode AND t.day < (\(day)::timestamptz AT TIME ZONE 'UTC')::date
         ORDER BY t.day DESC LIMIT 1) END
        """
    }

    /// One manager's averages, in order of key, from signed sums and counts (a series' totals at the end of the whole
    /// days, those at their start negated, the partial days'); `nil` when no criterion has calls. A key scored under
    /// several names in the period (a renamed criterion) is one average, named by the name that sorts first.
    static func criterionAverages(_ entries: [CriterionTotal]) -> [CriterionAverage]? {
        let sorted = entries.sorted { ($0.key, $0.name) < ($1.key, $1.name) }
        var averages: [CriterionAverage] = []
        var next = 0
        while next < sorted.count {
            let key = sorted[next].key
            var (name, scoreSum, calls): (String?, Int, Int) = (nil, 0, 0)
            while next < sorted.count, sorted[next].key == key {
                let named = sorted[next]
                var (namedSum, namedCalls) = (0, 0)
                while next < sorted.count, sorted[next].key == key, sorted[next].name == named.name {
                    namedSum += sorted[next].scoreSum
                    namedCalls += sorted[next].calls
                    next += 1
                }
                guard namedCalls > 0 else { continue }
                name = name ?? named.name
                scoreSum += namedSum
                calls += namedCalls
            }
            if let name, calls > 0 {
                averages.append(CriterionAverage(key: key, name: name, average: rounded(Double(scoreSum) / Double(calls)),
                                                 calls: calls))
            }
        }
        return averages.isEmpty ? nil : averages
    }

    /// How many managers have criterion totals (of `mode`, when set): no more than that have results in any period.
    private func seriesManagers(mode: CallMode?) async throws -> Int {
        try await pool.query("SELECT count(DISTINCT manager_id) FROM report_series WHERE $1::text IS NULL OR mode = $1",
                             [.init(mode?.rawValue)]).first?[0].int ?? 0
    }

    private func summaries(_ period: ReportPeriod, managerID: String?, page: ManagerPageRequest) async throws -> ManagerPage {
        let scope = try await scopeParameters(period, managerID: managerID)
        let direction = page.descending ? "DESC" : "ASC"
        let (sortJoin, sortKey, sortParameters): (String, String, [PostgresParameter]) = switch page.sort {
        case .manager: ("", "m.manager_id \(direction)", [])
        case .average: ("", "m.avg_score \(direction), m.manager_id", [])
        case .calls: ("", "m.calls \(direction), m.manager_id", [])
        case .criterion(let key):
            ("""
             LEFT JOIN (
                 SELECT manager_id, sum(score_sum)::numeric / sum(calls) AS average
                 FROM (\(Self.criterionParts("key = $9"))) AS parts GROUP BY manager_id HAVING sum(calls) > 0
             ) AS sorted ON sorted.manager_id = m.manager_id
             """, "sorted.average \(direction) NULLS LAST, m.manager_id", [.init(key)])
        }
        // A page that holds every manager (one manager's report, or the first page when it has room for every manager
        // with criterion totals) reads the criteria beside the totals, on a second connection.
        let pageHoldsEveryManager = if managerID != nil {
            true
        } else {
            page.offset == 0 ? try await seriesManagers(mode: period.mode) <= page.limit : false
        }
        async let everyManagersCriteria = pageHoldsEveryManager ? criteria(scope, managers: nil) : nil
        let rows = try await reportQuery("""
            WITH parts AS (
                SELECT manager_id, calls, score_sum, min_score, max_score, negative_calls, profanity_calls, reviewed_calls,
                       cost_usd, last_call_at
                FROM report_weeks WHERE \(Self.weeksCondition) AND calls > 0
                UNION ALL
                SELECT manager_id, calls, score_sum, min_score, max_score, negative_calls, profanity_calls, reviewed_calls,
                       cost_usd, last_call_at
                FROM report_days WHERE \(Self.daysOutsideWeeksCondition) AND calls > 0
                UNION ALL
                SELECT manager_id, calls, score_sum, min_score, max_score, negative_calls, profanity_calls, reviewed_calls,
                       cost_usd, last_call_at
                FROM report_day_changes WHERE \(Self.daysCondition)
                UNION ALL
                SELECT manager_id, 1, total_score, total_score, total_score, (sentiment = 'negative')::int,
                       has_profanity::int, reviewed::int, cost_usd, call_created_at
                FROM call_results WHERE \(Self.partialDaysCondition(table: "call_results"))
            ), managers AS (
                SELECT manager_id, sum(calls) AS calls, (sum(score_sum)::numeric / sum(calls))::float8 AS avg_score,
                       min(min_score) AS min_score, max(max_score) AS max_score,
                       (sum(negative_calls)::numeric / sum(calls))::float8 AS negative_share,
                       sum(profanity_calls) AS profanity_calls, sum(reviewed_calls) AS reviewed_calls,
                       max(last_call_at) AS last_call_at,
                       sum(cost_usd)::float8 AS cost_usd
                FROM parts GROUP BY manager_id
            )
            SELECT counted.total, paged.*
            FROM (SELECT count(*) AS total FROM managers) AS counted
            LEFT JOIN LATERAL (
                SELECT m.* FROM managers AS m \(sortJoin) ORDER BY \(sortKey) LIMIT $7 OFFSET $8
            ) AS paged ON true
            """, scope + [.init(page.limit), .init(page.offset)] + sortParameters)
        let total = rows.first?["total"].int ?? 0
        let totals = rows.filter { !$0["manager_id"].isNull }
        let managers = totals.compactMap { $0["manager_id"].string }
        // The managers on the page, unless the page holds them all.
        let pageManagers: PostgresParameter = managers.count < total ? .textArray(managers) : nil
        let criteriaByManager = if let every = try await everyManagersCriteria {
            every
        } else {
            try await criteria(scope, managers: pageManagers)
        }
        let summaries = try totals.map { row in
            guard let manager = row["manager_id"].string, let calls = row["calls"].int,
                  let average = row["avg_score"].double, let minScore = row["min_score"].int,
                  let maxScore = row["max_score"].int, let negative = row["negative_share"].double,
                  let profanity = row["profanity_calls"].int, let reviewed = row["reviewed_calls"].int,
                  let last = row["last_call_at"].date,
                  let cost = row["cost_usd"].double
            else { throw CallStoreError.corruptRow("report_days") }
            return ManagerSummary(
                managerID: manager, calls: calls, averageScore: Self.rounded(average), minScore: minScore,
                maxScore: maxScore, criteria: criteriaByManager[manager] ?? [],
                negativeSentimentShare: Self.rounded(negative), callsWithProfanity: profanity, reviewedCalls: reviewed,
                lastCallAt: last,
                costUSD: (cost * 1_000_000).rounded() / 1_000_000)
        }
        return ManagerPage(managers: summaries, total: total)
    }
}
