import PostgresClient

extension CallStoreMigrations {
    /// Criterion sums as running totals: one row per (manager, mode, UTC day) holds, for every criterion (key and
    /// name), the score sum and count of all that series' calls up to the end of that day. A period of whole days is
    /// then the difference of two rows per manager and mode, whatever its length, instead of a sum over a row per day and
    /// criterion (a month of every manager was 620,000 rows). Replaces `report_day_criteria`.
    ///
    /// A change for a day creates that day's row from the latest row before it when there is none, then adds to that
    /// row and every later row of the series. Every change of the report aggregates (these totals and `report_days`)
    /// first takes a transaction lock per series, in one order, so that a row created from the one before it never
    /// misses a change that another transaction was adding to it, and so that no two changes wait on each other in
    /// opposite orders. The stored criterion scores are counted in by the backfill (``reportBackfill``).
    static let criterionTotals = PostgresMigration(version: 10, name: "criterion sums as running totals", sql: """
            DROP FUNCTION report_day_criteria_change() CASCADE;
            DROP FUNCTION report_day_criteria_add(uuid[], text[], text[], integer[], integer[]);

            -- One criterion's sums, as the running totals hold them in order of key and name.
            CREATE TYPE report_criterion AS (key text, name text, score_sum bigint, calls integer);

            -- Every manager and mode with criterion totals: the reports read two rows of each.
            CREATE TABLE report_series (
                manager_id text NOT NULL,
                mode       text NOT NULL,
                PRIMARY KEY (manager_id, mode)
            );

            CREATE TABLE report_criterion_totals (
                manager_id text NOT NULL,
                mode       text NOT NULL,
                day        date NOT NULL,
                criteria   report_criterion[] NOT NULL,
                PRIMARY KEY (manager_id, mode, day)
            ) WITH (fillfactor = 50);

            -- Entries of one criterion added up, in order of key and name; criteria that come to nothing are left out.
            CREATE FUNCTION report_criteria_summed(entries report_criterion[]) RETURNS report_criterion[]
            LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
                SELECT coalesce(array_agg(ROW(key, name, score_sum, calls)::report_criterion ORDER BY key, name), '{}')
                FROM (SELECT key, name, sum(score_sum)::bigint AS score_sum, sum(calls)::integer AS calls
                      FROM unnest(entries) GROUP BY key, name) AS c
                WHERE score_sum <> 0 OR calls <> 0
            $$;

            -- The transaction lock of each series (manager, mode), taken in one order before any aggregate row is read or
            -- written; held until commit.
            CREATE FUNCTION report_series_lock(managers text[], modes text[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock(13, k)
                FROM (SELECT DISTINCT hashtext(manager_id || '/' || mode) AS k
                      FROM unnest(managers, modes) AS u(manager_id, mode)) AS locks
                ORDER BY k;
            END $$;

            -- Adds criterion changes (one element per series, day and criterion) to the running totals.
            CREATE FUNCTION report_criterion_totals_add(managers text[], modes text[], days date[], keys text[],
                                                        names text[], sums bigint[], counts integer[])
            RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM report_series_lock(managers, modes);
                INSERT INTO report_series
                SELECT DISTINCT manager_id, mode FROM unnest(managers, modes) AS u(manager_id, mode) ORDER BY 1, 2
                ON CONFLICT DO NOTHING;
                -- Each statement from here sees what the transactions that held these series' locks before us committed.
                INSERT INTO report_criterion_totals
                SELECT g.manager_id, g.mode, g.day,
                       coalesce((SELECT p.criteria FROM report_criterion_totals AS p
                                 WHERE p.manager_id = g.manager_id AND p.mode = g.mode AND p.day < g.day
                                 ORDER BY p.day DESC LIMIT 1), '{}')
                FROM (SELECT DISTINCT manager_id, mode, day FROM unnest(managers, modes, days) AS u(manager_id, mode, day)) AS g
                ORDER BY 1, 2, 3
                ON CONFLICT DO NOTHING;
                UPDATE report_criterion_totals AS t SET criteria = report_criteria_summed(t.criteria || c.changes)
                FROM (SELECT r.manager_id, r.mode, r.day,
                             array_agg(ROW(u.key, u.name, u.score_sum, u.calls)::report_criterion) AS changes
                      FROM unnest(managers, modes, days, keys, names, sums, counts)
                          AS u(manager_id, mode, day, key, name, score_sum, calls)
                      JOIN report_criterion_totals AS r
                          ON r.manager_id = u.manager_id AND r.mode = u.mode AND r.day >= u.day
                      GROUP BY 1, 2, 3) AS c
                WHERE t.manager_id = c.manager_id AND t.mode = c.mode AND t.day = c.day;
            END $$;

            -- Adds criterion scores (sign 1) to, or takes them (sign -1) from, the running totals of their calls' results.
            -- A score added for a call without a result is refused.
            CREATE FUNCTION report_criteria_count(call_ids uuid[], keys text[], names text[], scores integer[],
                                                  signs integer[])
            RETURNS void LANGUAGE plpgsql AS $$
            DECLARE
                managers text[]; modes text[]; days date[]; change_keys text[]; change_names text[]; sums bigint[];
                counts integer[]; orphan_scores bigint;
            BEGIN
                -- An INSERT ... ON CONFLICT fires the update trigger too, with no rows when nothing conflicted.
                IF call_ids IS NULL THEN
                    RETURN;
                END IF;
                SELECT array_agg(manager_id) FILTER (WHERE counted), array_agg(mode) FILTER (WHERE counted),
                       array_agg(day) FILTER (WHERE counted), array_agg(key) FILTER (WHERE counted),
                       array_agg(name) FILTER (WHERE counted), array_agg(score_sum) FILTER (WHERE counted),
                       array_agg(calls) FILTER (WHERE counted), coalesce(sum(orphans), 0)
                INTO managers, modes, days, change_keys, change_names, sums, counts, orphan_scores
                FROM (SELECT r.manager_id, r.mode, (r.call_created_at AT TIME ZONE 'UTC')::date AS day, c.key, c.name,
                             sum(c.sign * c.score)::bigint AS score_sum, sum(c.sign)::integer AS calls,
                             count(*) FILTER (WHERE r.call_id IS NULL AND c.sign > 0) AS orphans,
                             r.manager_id IS NOT NULL AND (sum(c.sign * c.score) <> 0 OR sum(c.sign) <> 0) AS counted
                      FROM unnest(call_ids, keys, names, scores, signs) AS c(call_id, key, name, score, sign)
                      LEFT JOIN call_results AS r ON r.call_id = c.call_id
                      GROUP BY 1, 2, 3, 4, 5) AS g;
                IF orphan_scores > 0 THEN
                    RAISE EXCEPTION 'a criterion score needs its call''s result' USING ERRCODE = 'foreign_key_violation';
                END IF;
                IF managers IS NOT NULL THEN
                    PERFORM report_criterion_totals_add(managers, modes, days, change_keys, change_names, sums, counts);
                END IF;
            END $$;

            CREATE FUNCTION report_criteria_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    PERFORM report_criteria_count(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                  array_agg(1))
                    FROM added;
                ELSIF TG_OP = 'UPDATE' THEN
                    PERFORM report_criteria_count(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                  array_agg(sign))
                    FROM (SELECT call_id, key, name, score, 1 AS sign FROM added
                          UNION ALL SELECT call_id, key, name, score, -1 FROM removed) AS c;
                ELSE
                    PERFORM report_criteria_count(array_agg(call_id), array_agg(key), array_agg(name), array_agg(score),
                                                  array_agg(-1))
                    FROM removed;
                END IF;
                RETURN NULL;
            END $$;

            CREATE TRIGGER report_criteria_insert AFTER INSERT ON criterion_scores
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_criteria_change();
            CREATE TRIGGER report_criteria_update AFTER UPDATE ON criterion_scores
                REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION report_criteria_change();
            CREATE TRIGGER report_criteria_delete AFTER DELETE ON criterion_scores
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION report_criteria_change();

            -- The day totals take their series' locks first too (the rest of both functions is as version 4 made them).
            CREATE OR REPLACE FUNCTION report_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM report_series_lock(array_agg(manager_id), array_agg(mode)) FROM added;
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

            CREATE OR REPLACE FUNCTION report_days_recount(managers text[], modes text[], days date[]) RETURNS void
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM report_series_lock(managers, modes);
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

            DROP TABLE report_day_criteria;
            """)
}
