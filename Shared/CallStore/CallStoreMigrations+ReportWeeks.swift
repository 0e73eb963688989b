import PostgresClient

extension CallStoreMigrations {
    /// The day totals rolled up by UTC week (from Monday): `report_weeks` holds, per manager, mode and week, what the
    /// week's `report_days` rows add up to. A month of every manager is then four or five rows per series and the few
    /// days around them instead of thirty rows; the every-manager report spent half its time scanning and grouping the
    /// 93,000 day rows of a month of a large call center.
    ///
    /// Triggers on `report_days` count a week again from its day rows whenever one of them is added, changed or removed,
    /// in the statement that changed it. Every writer of `report_days` (the folding of queued changes, a day's recount,
    /// the backfill) holds the series' lock (``criterionTotals``), so the recount sees every change of that series
    /// committed before it and none is made beside it. Emptying `report_days` empties the weeks.
    ///
    /// The weeks of the day rows already stored are counted in (and the planner's statistics of them taken) by this
    /// migration. Creating the triggers locks `report_days` against writes until the migration commits: the folding of
    /// queued changes waits for it (0.4 s for 93,000 day rows here) while saves go on queueing and reports go on
    /// reading.
    static let reportWeeks = PostgresMigration(version: 13, name: "report aggregates per week", sql: """
            CREATE TABLE report_weeks (
                manager_id      text NOT NULL,
                mode            text NOT NULL,
                week            date NOT NULL,
                calls           integer NOT NULL,
                score_sum       bigint NOT NULL,
                score_squares   bigint NOT NULL,
                min_score       integer,
                max_score       integer,
                negative_calls  integer NOT NULL,
                profanity_calls integer NOT NULL,
                reviewed_calls  integer NOT NULL,
                cost_usd        numeric(16, 6) NOT NULL,
                last_call_at    timestamptz,
                PRIMARY KEY (manager_id, mode, week)
            ) WITH (fillfactor = 50);
            CREATE INDEX report_weeks_week ON report_weeks (week);

            -- Counts the weeks of the changed day rows (`changed`, the trigger's transition table) again from their days.
            CREATE FUNCTION report_weeks_recount() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO report_weeks AS w
                SELECT k.manager_id, k.mode, k.week, coalesce(sum(d.calls), 0), coalesce(sum(d.score_sum), 0),
                       coalesce(sum(d.score_squares), 0), min(d.min_score), max(d.max_score),
                       coalesce(sum(d.negative_calls), 0), coalesce(sum(d.profanity_calls), 0),
                       coalesce(sum(d.reviewed_calls), 0), coalesce(sum(d.cost_usd), 0), max(d.last_call_at)
                FROM (SELECT DISTINCT manager_id, mode, date_trunc('week', day::timestamp)::date AS week FROM changed) AS k
                LEFT JOIN report_days AS d ON d.manager_id = k.manager_id AND d.mode = k.mode
                    AND d.day >= k.week AND d.day < k.week + 7
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (manager_id, mode, week) DO UPDATE SET
                    calls = EXCLUDED.calls, score_sum = EXCLUDED.score_sum, score_squares = EXCLUDED.score_squares,
                    min_score = EXCLUDED.min_score, max_score = EXCLUDED.max_score, negative_calls = EXCLUDED.negative_calls,
                    profanity_calls = EXCLUDED.profanity_calls, reviewed_calls = EXCLUDED.reviewed_calls,
                    cost_usd = EXCLUDED.cost_usd, last_call_at = EXCLUDED.last_call_at;
                RETURN NULL;
            END $$;

            CREATE FUNCTION report_weeks_empty() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                TRUNCATE report_weeks;
                RETURN NULL;
            END $$;

            CREATE TRIGGER report_weeks_insert AFTER INSERT ON report_days
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_weeks_recount();
            CREATE TRIGGER report_weeks_update AFTER UPDATE ON report_days
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_weeks_recount();
            CREATE TRIGGER report_weeks_delete AFTER DELETE ON report_days
                REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_weeks_recount();
            CREATE TRIGGER report_weeks_truncate AFTER TRUNCATE ON report_days
                FOR EACH STATEMENT EXECUTE FUNCTION report_weeks_empty();

            INSERT INTO report_weeks
            SELECT manager_id, mode, date_trunc('week', day::timestamp)::date, sum(calls), sum(score_sum), sum(score_squares),
                   min(min_score), max(max_score), sum(negative_calls), sum(profanity_calls), sum(reviewed_calls),
                   sum(cost_usd), max(last_call_at)
            FROM report_days GROUP BY 1, 2, 3;
            ANALYZE report_weeks;
            """)
}
