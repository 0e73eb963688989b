import PostgresClient

extension CallStoreMigrations {
    /// New results and criterion changes reach the report aggregates through two queues. A saved result appends its
    /// figures per (manager, mode, UTC day) to `report_day_changes`, and a change of criterion scores (a saved result,
    /// an override, a deletion) its sums to `report_criterion_changes`, in the transaction that makes the change and
    /// without a lock: concurrent saves for one manager no longer wait for each other (they did until the first one's
    /// commit was on disk), and a save no longer rewrites a day row and a running-total row per series and day it
    /// touches. A pgbench of one worker batch (6 calls, 42 scores, 20 managers, two clients, durable commits) had
    /// the aggregates add 2-4 ms to a 2-3 ms save.
    ///
    /// The ingest folds the queues into `report_days` and the running totals every second
    /// (``CallRepository/foldReportChanges(maxSeries:)``), under the series' locks, removing what it added in the same
    /// transaction. The reports add the queued changes of their whole days in the same statement as the aggregates
    /// they read, so that what they answer does not depend on how far the folding got.
    ///
    /// Queued changes add up, so they may be folded in any order. The statements that set aggregates instead of adding
    /// to them remove the queued changes of what they count in the same statement (one snapshot): a day's recount (a
    /// changed or deleted result) its day's, the backfill's recount of a series' criteria the series'. A change whose
    /// results such a statement counted goes; one it could not see yet stays to be folded.
    ///
    /// The functions that look rows up by key run with sequential scans off: a plan cached while `call_results` was
    /// nearly empty (a new database, the first seconds of a benchmark) otherwise went on scanning the whole table for
    /// every batch of scores.
    static let reportChanges = PostgresMigration(version: 12, name: "report aggregates' changes queued", sql: """
            CREATE TABLE report_day_changes (
                manager_id      text NOT NULL,
                mode            text NOT NULL,
                day             date NOT NULL,
                calls           integer NOT NULL,
                score_sum       bigint NOT NULL,
                score_squares   bigint NOT NULL,
                min_score       integer NOT NULL,
                max_score       integer NOT NULL,
                negative_calls  integer NOT NULL,
                profanity_calls integer NOT NULL,
                reviewed_calls  integer NOT NULL,
                cost_usd        numeric(16, 6) NOT NULL,
                last_call_at    timestamptz NOT NULL
            );
            CREATE INDEX report_day_changes_series ON report_day_changes (manager_id, mode, day);

            CREATE TABLE report_criterion_changes (
                manager_id text NOT NULL,
                mode       text NOT NULL,
                day        date NOT NULL,
                criteria   report_criterion[] NOT NULL
            );
            CREATE INDEX report_criterion_changes_series ON report_criterion_changes (manager_id, mode, day);

            ALTER FUNCTION report_criterion_totals_add(text[], text[], date[], text[], text[], bigint[], integer[])
                SET enable_seqscan = off;

            -- Queues the figures of new results, one row per (manager, mode, day) of the statement.
            CREATE OR REPLACE FUNCTION report_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO report_day_changes
                SELECT manager_id, mode, (call_created_at AT TIME ZONE 'UTC')::date, count(*), sum(total_score),
                       sum(total_score * total_score), min(total_score), max(total_score),
                       count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE has_profanity),
                       count(*) FILTER (WHERE reviewed), sum(cost_usd), max(call_created_at)
                FROM added
                GROUP BY 1, 2, 3;
                RETURN NULL;
            END $$;

            -- Counts the given days again from the stored results, and removes their queued changes in the same
            -- statement.
            CREATE OR REPLACE FUNCTION report_days_recount(managers text[], modes text[], days date[]) RETURNS void
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM report_series_lock(managers, modes);
                WITH keys AS (
                    SELECT DISTINCT * FROM unnest(managers, modes, days) AS u(manager_id, mode, day)
                ), counted_changes AS (
                    DELETE FROM report_day_changes AS q USING keys AS k
                    WHERE (q.manager_id, q.mode, q.day) = (k.manager_id, k.mode, k.day)
                )
                INSERT INTO report_days AS d
                SELECT k.manager_id, k.mode, k.day, count(r.call_id), coalesce(sum(r.total_score), 0),
                       coalesce(sum(r.total_score * r.total_score), 0), min(r.total_score), max(r.total_score),
                       count(*) FILTER (WHERE r.sentiment = 'negative'), count(*) FILTER (WHERE r.has_profanity),
                       count(*) FILTER (WHERE r.reviewed), coalesce(sum(r.cost_usd), 0), max(r.call_created_at)
                FROM keys AS k
                LEFT JOIN call_results AS r ON r.manager_id = k.manager_id AND r.mode = k.mode
                    AND r.call_created_at >= k.day::timestamp AT TIME ZONE 'UTC'
                    AND r.call_created_at < (k.day + 1)::timestamp AT TIME ZONE 'UTC'
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (manager_id, mode, day) DO UPDATE SET
                    calls = EXCLUDED.calls, score_sum = EXCLUDED.score_sum, score_squares = EXCLUDED.score_squares,
                    min_score = EXCLUDED.min_score, max_score = EXCLUDED.max_score, negative_calls = EXCLUDED.negative_calls,
                    profanity_calls = EXCLUDED.profanity_calls, reviewed_calls = EXCLUDED.reviewed_calls,
                    cost_usd = EXCLUDED.cost_usd, last_call_at = EXCLUDED.last_call_at;
            END $$;

            -- Queues criterion scores added (sign 1) or taken away (sign -1), summed per series, day and criterion.
            -- A score added for a call without a result is refused.
            CREATE OR REPLACE FUNCTION report_criteria_count(call_ids uuid[], keys text[], names text[], scores integer[],
                                                             signs integer[])
            RETURNS void LANGUAGE plpgsql SET enable_seqscan = off AS $$
            DECLARE
                orphan_scores bigint;
            BEGIN
                -- An INSERT ... ON CONFLICT fires the update trigger too, with no rows when nothing conflicted.
                IF call_ids IS NULL THEN
                    RETURN;
                END IF;
                WITH changes AS (
                    SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date AS day, c.key, c.name,
                           sum(c.sign * c.score)::bigint AS score_sum, sum(c.sign)::integer AS calls,
                           count(*) FILTER (WHERE r.call_id IS NULL AND c.sign > 0) AS orphans
                    FROM unnest(call_ids, keys, names, scores, signs) AS c(call_id, key, name, score, sign)
                    LEFT JOIN call_results AS r ON r.call_id = c.call_id
                    GROUP BY 1, 2, 3, 4, 5
                ), queued AS (
                    INSERT INTO report_criterion_changes
                    SELECT manager_id, mode, day, array_agg(ROW(key, name, score_sum, calls)::report_criterion ORDER BY key, name)
                    FROM changes
                    WHERE manager_id IS NOT NULL AND (score_sum <> 0 OR calls <> 0)
                    GROUP BY 1, 2, 3
                )
                SELECT coalesce(sum(orphans), 0) INTO orphan_scores FROM changes;
                IF orphan_scores > 0 THEN
                    RAISE EXCEPTION 'a criterion score needs its call''s result' USING ERRCODE = 'foreign_key_violation';
                END IF;
            END $$;

            -- Adds the queued changes of up to max_series series (in order of manager and mode) to their day rows and
            -- running totals and removes them from the queues; answers how many series it folded.
            CREATE FUNCTION report_changes_fold(max_series integer) RETURNS integer LANGUAGE plpgsql AS $$
            DECLARE
                series_managers text[]; series_modes text[]; managers text[]; modes text[]; days date[];
                change_keys text[]; change_names text[]; sums bigint[]; counts integer[];
            BEGIN
                SELECT array_agg(manager_id), array_agg(mode) INTO series_managers, series_modes
                FROM (SELECT manager_id, mode FROM report_day_changes
                      UNION SELECT manager_id, mode FROM report_criterion_changes
                      ORDER BY 1, 2 LIMIT max_series) AS s;
                IF series_managers IS NULL THEN
                    RETURN 0;
                END IF;
                PERFORM report_series_lock(series_managers, series_modes);
                -- Each statement from here sees what the transactions that held these series' locks before us committed.
                WITH taken AS (
                    DELETE FROM report_day_changes AS q USING unnest(series_managers, series_modes) AS s(manager_id, mode)
                    WHERE (q.manager_id, q.mode) = (s.manager_id, s.mode)
                    RETURNING q.*
                )
                INSERT INTO report_days AS d
                SELECT manager_id, mode, day, sum(calls), sum(score_sum), sum(score_squares), min(min_score), max(max_score),
                       sum(negative_calls), sum(profanity_calls), sum(reviewed_calls), sum(cost_usd), max(last_call_at)
                FROM taken
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (manager_id, mode, day) DO UPDATE SET
                    calls = d.calls + EXCLUDED.calls, score_sum = d.score_sum + EXCLUDED.score_sum,
                    score_squares = d.score_squares + EXCLUDED.score_squares,
                    min_score = least(d.min_score, EXCLUDED.min_score), max_score = greatest(d.max_score, EXCLUDED.max_score),
                    negative_calls = d.negative_calls + EXCLUDED.negative_calls,
                    profanity_calls = d.profanity_calls + EXCLUDED.profanity_calls,
                    reviewed_calls = d.reviewed_calls + EXCLUDED.reviewed_calls, cost_usd = d.cost_usd + EXCLUDED.cost_usd,
                    last_call_at = greatest(d.last_call_at, EXCLUDED.last_call_at);
                WITH taken AS (
                    DELETE FROM report_criterion_changes AS q USING unnest(series_managers, series_modes) AS s(manager_id, mode)
                    WHERE (q.manager_id, q.mode) = (s.manager_id, s.mode)
                    RETURNING q.manager_id, q.mode, q.day, q.criteria
                )
                SELECT array_agg(manager_id), array_agg(mode), array_agg(day), array_agg(key), array_agg(name),
                       array_agg(score_sum), array_agg(calls)
                INTO managers, modes, days, change_keys, change_names, sums, counts
                FROM (SELECT t.manager_id, t.mode, t.day, c.key, c.name, sum(c.score_sum)::bigint AS score_sum,
                             sum(c.calls)::integer AS calls
                      FROM taken AS t CROSS JOIN LATERAL unnest(t.criteria) AS c
                      GROUP BY 1, 2, 3, 4, 5) AS g
                WHERE score_sum <> 0 OR calls <> 0;
                IF managers IS NOT NULL THEN
                    PERFORM report_criterion_totals_add(managers, modes, days, change_keys, change_names, sums, counts);
                END IF;
                RETURN cardinality(series_managers);
            END $$;

            -- The backfill step as version 11 made it, except that it takes the series with queued changes too, and that
            -- the recount of the criterion totals removes the series' queued criterion changes in the same statement (the
            -- days' recount removes their queued day changes).
            CREATE OR REPLACE FUNCTION report_backfill_step(managers_per_step integer) RETURNS text LANGUAGE plpgsql AS $$
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
                      UNION SELECT manager_id, mode FROM report_series WHERE manager_id = ANY(chunk)
                      UNION SELECT manager_id, mode FROM report_day_changes WHERE manager_id = ANY(chunk)
                      UNION SELECT manager_id, mode FROM report_criterion_changes WHERE manager_id = ANY(chunk)) AS s;
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
                -- with totals is listed in report_series. The queued changes of the series that this count includes go.
                WITH counted_changes AS (
                    DELETE FROM report_criterion_changes AS q USING unnest(series_managers, series_modes) AS s(manager_id, mode)
                    WHERE (q.manager_id, q.mode) = (s.manager_id, s.mode)
                ), daily AS (
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
