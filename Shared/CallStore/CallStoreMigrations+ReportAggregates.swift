import PostgresClient

extension CallStoreMigrations {
    /// Per (manager, mode, UTC day) totals and per-criterion sums that the reports read, kept exact by triggers on
    /// `call_results` and `criterion_scores` in the transaction that changes them. The results stored before are
    /// counted in afterwards, a few managers at a time (``reportBackfill``).
    ///
    /// New results add to their day's row (one upsert per day and statement, in key order). A changed or removed
    /// result recounts its day from the stored results after locking the day's row (a minimum or maximum cannot be
    /// taken back). Criterion sums only ever add and subtract, with the criterion's name in the key, so that they need
    /// no recount. A result's criterion scores are deleted with it (counted out while the result still names their
    /// day), a criterion score without a result is refused, and a result keeps its call's manager, mode and time.
    static let reportAggregates = PostgresMigration(version: 4, name: "report aggregates per manager, mode and day", sql: """
            -- Half of each page is left free, so that adding to a row is mostly a HOT update (no new index entry).
            CREATE TABLE report_days (
                manager_id      text NOT NULL,
                mode            text NOT NULL,
                day             date NOT NULL,
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
                PRIMARY KEY (manager_id, mode, day)
            ) WITH (fillfactor = 50);
            CREATE INDEX report_days_day ON report_days (day);

            CREATE TABLE report_day_criteria (
                manager_id text NOT NULL,
                mode       text NOT NULL,
                day        date NOT NULL,
                key        text NOT NULL,
                name       text NOT NULL,
                score_sum  bigint NOT NULL,
                calls      integer NOT NULL,
                PRIMARY KEY (manager_id, mode, day, key, name)
            ) WITH (fillfactor = 50);
            CREATE INDEX report_day_criteria_day ON report_day_criteria (day);

            -- Counts the results of new calls into their days: one upsert per (manager, mode, day) for the whole statement,
            -- in key order (so that concurrent batches lock rows in one order).
            CREATE FUNCTION report_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO report_days AS d
                SELECT manager_id, mode, (call_created_at AT TIME ZONE 'UTC')::date, count(*), sum(total_score),
                       sum(total_score * total_score), min(total_score), max(total_score),
                       count(*) FILTER (WHERE sentiment = 'negative'), count(*) FILTER (WHERE has_profanity),
                       count(*) FILTER (WHERE reviewed), sum(cost_usd), max(call_created_at)
                FROM added
                GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                ON CONFLICT (manager_id, mode, day) DO UPDATE SET
                    calls = d.calls + EXCLUDED.calls, score_sum = d.score_sum + EXCLUDED.score_sum,
                    score_squares = d.score_squares + EXCLUDED.score_squares,
                    min_score = least(d.min_score, EXCLUDED.min_score), max_score = greatest(d.max_score, EXCLUDED.max_score),
                    negative_calls = d.negative_calls + EXCLUDED.negative_calls,
                    profanity_calls = d.profanity_calls + EXCLUDED.profanity_calls,
                    reviewed_calls = d.reviewed_calls + EXCLUDED.reviewed_calls, cost_usd = d.cost_usd + EXCLUDED.cost_usd,
                    last_call_at = greatest(d.last_call_at, EXCLUDED.last_call_at);
                RETURN NULL;
            END $$;

            -- Counts the given days again from the stored results (a minimum or maximum cannot be taken back, so a changed or
            -- removed result recounts its day). The days' rows are locked first, in key order; the counting statement after it
            -- takes a new snapshot, which holds every result of the transactions that changed these rows before us, and a
            -- transaction still saving results for these days adds them to our count once we commit.
            CREATE FUNCTION report_days_recount(managers text[], modes text[], days date[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM report_days d
                JOIN unnest(managers, modes, days) AS k(manager_id, mode, day) USING (manager_id, mode, day)
                ORDER BY d.manager_id, d.mode, d.day FOR UPDATE OF d;
                INSERT INTO report_days AS d
                SELECT k.manager_id, k.mode, k.day, count(r.call_id), coalesce(sum(r.total_score), 0),
                       coalesce(sum(r.total_score * r.total_score), 0), min(r.total_score), max(r.total_score),
                       count(*) FILTER (WHERE r.sentiment = 'negative'), count(*) FILTER (WHERE r.has_profanity),
                       count(*) FILTER (WHERE r.reviewed), coalesce(sum(r.cost_usd), 0), max(r.call_created_at)
                FROM (SELECT DISTINCT * FROM unnest(managers, modes, days) AS u(manager_id, mode, day)) AS k
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

            -- A result keeps its call's manager, mode and time; a change of a counted figure recounts its day.
            CREATE FUNCTION report_days_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM added AS n LEFT JOIN removed AS o USING (call_id)
                           WHERE o.call_id IS NULL OR (n.manager_id, n.mode, n.call_created_at)
                                                      IS DISTINCT FROM (o.manager_id, o.mode, o.call_created_at)) THEN
                    RAISE EXCEPTION 'a result keeps its call''s id, manager, mode and time' USING ERRCODE = 'check_violation';
                END IF;
                PERFORM report_days_recount(array_agg(n.manager_id), array_agg(n.mode),
                                            array_agg((n.call_created_at AT TIME ZONE 'UTC')::date))
                FROM added AS n JOIN removed AS o USING (call_id)
                WHERE (n.total_score, n.sentiment, n.has_profanity, n.reviewed, n.cost_usd)
                      IS DISTINCT FROM (o.total_score, o.sentiment, o.has_profanity, o.reviewed, o.cost_usd)
                HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            CREATE FUNCTION report_days_remove() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM report_days_recount(array_agg(manager_id), array_agg(mode),
                                            array_agg((call_created_at AT TIME ZONE 'UTC')::date))
                FROM removed HAVING count(*) > 0;
                RETURN NULL;
            END $$;

            -- A result's criterion scores go with it, counted out while the result still says whose and which day they are.
            CREATE FUNCTION call_results_remove_criteria() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM criterion_scores WHERE call_id = OLD.call_id;
                RETURN OLD;
            END $$;

            -- Adds criterion scores (sign 1) to, or takes them (sign -1) from, the days of their calls' results, one upsert per
            -- (manager, mode, day, criterion) in key order. A score added for a call without a result is refused.
            CREATE FUNCTION report_day_criteria_add(call_ids uuid[], keys text[], names text[], scores integer[], signs integer[])
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM unnest(call_ids, signs) AS c(call_id, sign)
                           WHERE c.sign > 0 AND NOT EXISTS (SELECT 1 FROM call_results AS r WHERE r.call_id = c.call_id)) THEN
                    RAISE EXCEPTION 'a criterion score needs its call''s result' USING ERRCODE = 'foreign_key_violation';
                END IF;
                -- The days' rows first, in key order, like every other change of these aggregates: no deadlock.
                PERFORM 1 FROM report_days AS d
                WHERE (d.manager_id, d.mode, d.day) IN (
                    SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date
                    FROM unnest(call_ids) AS c(call_id) JOIN call_results AS r ON r.call_id = c.call_id)
                ORDER BY d.manager_id, d.mode, d.day FOR UPDATE OF d;
                INSERT INTO report_day_criteria AS t
                SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date, c.key, c.name,
                       sum(c.sign * c.score), sum(c.sign)
                FROM unnest(call_ids, keys, names, scores, signs) AS c(call_id, key, name, score, sign)
                JOIN call_results AS r ON r.call_id = c.call_id
                GROUP BY 1, 2, 3, 4, 5 HAVING sum(c.sign * c.score) <> 0 OR sum(c.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (manager_id, mode, day, key, name) DO UPDATE SET
                    score_sum = t.score_sum + EXCLUDED.score_sum, calls = t.calls + EXCLUDED.calls;
            END $$;

            CREATE FUNCTION report_day_criteria_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM report_day_criteria_add(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                    array_agg(1))
                    FROM added;
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM report_day_criteria_add(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                    array_agg(sign))
                    FROM (SELECT call_id, key, name, score, 1 AS sign FROM added
                          UNION ALL SELECT call_id, key, name, score, -1 FROM removed) AS c;
                ELSE
                    PERFORM report_day_criteria_add(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                    array_agg(-1))
                    FROM removed;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER report_days_insert AFTER INSERT ON call_results
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_days_add();
            CREATE TRIGGER report_days_update AFTER UPDATE ON call_results
                REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_days_change();
            CREATE TRIGGER report_days_delete AFTER DELETE ON call_results
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION report_days_remove();
            CREATE TRIGGER call_results_criteria_delete BEFORE DELETE ON call_results
                FOR EACH ROW EXECUTE FUNCTION call_results_remove_criteria();
            CREATE TRIGGER report_day_criteria_insert AFTER INSERT ON criterion_scores
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_day_criteria_change();
            CREATE TRIGGER report_day_criteria_update AFTER UPDATE ON criterion_scores
                REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_day_criteria_change();
            CREATE TRIGGER report_day_criteria_delete AFTER DELETE ON criterion_scores
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION report_day_criteria_change();
            """)
}
