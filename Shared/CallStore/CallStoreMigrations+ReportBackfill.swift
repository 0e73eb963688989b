import PostgresClient

extension CallStoreMigrations {
    /// The backfill of the report aggregates: the results stored before the aggregates existed are counted into them a
    /// few managers at a time, each step in a transaction of its own (``CallRepository/backfillReportAggregates(managersPerStep:)``),
    /// so that a save waits at most for one step, and only when it is for a manager of that step. Until the last step,
    /// the reports scan the stored results.
    ///
    /// A step takes the locks of its managers' series (as every change of the aggregates does), then counts their
    /// days and criterion running totals again from the stored results. What a transaction saved before the lock is
    /// in that count; what one saves after it adds to it. So a step is exact whatever runs beside it, and a step done
    /// twice (by two ingest replicas, or after a crash) changes nothing. The steps go through the managers in order,
    /// taking turns on the one row that says how far they got.
    static let reportBackfill = PostgresMigration(version: 11, name: "report aggregates backfilled in steps", sql: """
            CREATE TABLE report_backfill (
                only_row      boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                after_manager text,
                finished_at   timestamptz
            );
            INSERT INTO report_backfill (finished_at)
            SELECT CASE WHEN EXISTS (SELECT 1 FROM call_results) THEN NULL ELSE now() END;

            -- Counts the next managers_per_step managers' results into the aggregates; answers the last manager counted,
            -- or NULL once every manager is.
            CREATE FUNCTION report_backfill_step(managers_per_step integer) RETURNS text LANGUAGE plpgsql AS $$
            DECLARE
                progress report_backfill;
                chunk text[];
                series_managers text[];
                series_modes text[];
            BEGIN
                SELECT * INTO progress FROM report_backfill FOR UPDATE;
                IF NOT FOUND THEN
                    -- The row was removed: everything is counted again, from the first manager.
                    INSERT INTO report_backfill DEFAULT VALUES ON CONFLICT DO NOTHING;
                    SELECT * INTO progress FROM report_backfill FOR UPDATE;
                END IF;
                IF progress.finished_at IS NOT NULL THEN
                    RETURN NULL;
                END IF;
                SELECT array_agg(manager_id ORDER BY manager_id) INTO chunk
                FROM (SELECT DISTINCT manager_id FROM call_results
                      WHERE progress.after_manager IS NULL OR manager_id > progress.after_manager
                      ORDER BY manager_id LIMIT managers_per_step) AS next;
                IF chunk IS NULL THEN
                    UPDATE report_backfill SET finished_at = now();
                    RETURN NULL;
                END IF;
                -- Every series of these managers that has results or aggregates.
                SELECT array_agg(manager_id), array_agg(mode) INTO series_managers, series_modes
                FROM (SELECT manager_id, mode FROM call_results WHERE manager_id = ANY(chunk)
                      UNION SELECT manager_id, mode FROM report_days WHERE manager_id = ANY(chunk)
                      UNION SELECT manager_id, mode FROM report_series WHERE manager_id = ANY(chunk)) AS s;
                PERFORM report_series_lock(series_managers, series_modes);
                -- Each statement from here sees what the transactions that held these series' locks before us committed.
                PERFORM report_days_recount(array_agg(manager_id), array_agg(mode), array_agg(day))
                FROM (SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date AS day
                      FROM call_results AS r
                      JOIN unnest(series_managers, series_modes) AS s(manager_id, mode) USING (manager_id, mode)
                      UNION
                      SELECT d.manager_id, d.mode, d.day
                      FROM report_days AS d
                      JOIN unnest(series_managers, series_modes) AS s(manager_id, mode) USING (manager_id, mode)) AS days;
                DELETE FROM report_criterion_totals AS t USING unnest(series_managers, series_modes) AS s(manager_id, mode)
                WHERE (t.manager_id, t.mode) = (s.manager_id, s.mode);
                -- Each day with scores holds every criterion of its series summed up to the end of that day; each series
                -- with totals is listed in report_series.
                WITH daily AS (
                    SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date AS day, c.key, c.name,
                           sum(c.score)::bigint AS score_sum, count(*)::integer AS calls
                    FROM criterion_scores AS c
                    JOIN call_results AS r ON r.call_id = c.call_id
                    JOIN unnest(series_managers, series_modes) AS s(manager_id, mode) USING (manager_id, mode)
                    GROUP BY 1, 2, 3, 4, 5
                ), totals AS (
                    INSERT INTO report_criterion_totals
                    SELECT manager_id, mode, day,
                           coalesce(array_agg(ROW(key, name, score_sum, calls)::report_criterion ORDER BY key, name)
                                        FILTER (WHERE score_sum <> 0 OR calls <> 0), '{}')
                    FROM (SELECT d.manager_id, d.mode, d.day, k.key, k.name,
                                 (sum(coalesce(c.score_sum, 0)) OVER running)::bigint AS score_sum,
                                 (sum(coalesce(c.calls, 0)) OVER running)::integer AS calls
                          FROM (SELECT DISTINCT manager_id, mode, day FROM daily) AS d
                          JOIN (SELECT DISTINCT manager_id, mode, key, name FROM daily) AS k USING (manager_id, mode)
                          LEFT JOIN daily AS c
                              ON (c.manager_id, c.mode, c.day, c.key, c.name) = (d.manager_id, d.mode, d.day, k.key, k.name)
                          WINDOW running AS (PARTITION BY d.manager_id, d.mode, k.key, k.name ORDER BY d.day)) AS t
                    GROUP BY 1, 2, 3
                    RETURNING manager_id, mode
                )
                INSERT INTO report_series SELECT DISTINCT manager_id, mode FROM totals ORDER BY 1, 2 ON CONFLICT DO NOTHING;
                UPDATE report_backfill SET after_manager = chunk[cardinality(chunk)];
                RETURN chunk[cardinality(chunk)];
            END $$;
            """)
}
