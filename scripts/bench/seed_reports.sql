-- Seeds :calls analyzed calls from :managers managers, spread evenly over the last :days days, straight into the real
-- tables (calls, call_results, criterion_scores), one statement set per day so that each statement stays moderate.
-- Run with psql -v calls=1000000 -v managers=1000 -v days=30. The aggregate triggers are off while it runs: the
-- benchmark resets the aggregates and lets the ingest backfill them, as after an upgrade over stored results.
SELECT setseed(0.13);
ALTER TABLE call_results DISABLE TRIGGER USER;
ALTER TABLE criterion_scores DISABLE TRIGGER USER;
CREATE TEMP TABLE seed_criteria (mode text, key text, name text, weight float8);
INSERT INTO seed_criteria VALUES
    ('manager', 'rapport', 'Greeting and introduction', 1), ('manager', 'needs_discovery', 'Needs discovery', 2),
    ('manager', 'questions', 'Questions', 1), ('manager', 'presentation', 'Presentation', 1.5),
    ('manager', 'objection_handling', 'Objection handling', 1.5), ('manager', 'next_step', 'Call control and next step', 1.5),
    ('manager', 'politeness', 'Politeness and compliance', 1),
    ('client', 'engagement', 'Customer engagement', 1), ('client', 'interest', 'Interest shown', 1),
    ('client', 'objections_resolved', 'Objections resolved', 1), ('client', 'sentiment', 'Customer sentiment', 1),
    ('client', 'commitment', 'Commitment', 1), ('client', 'politeness', 'Politeness', 1),
    ('dialog', 'rapport', 'Greeting and rapport', 1), ('dialog', 'needs_discovery', 'Needs discovery', 1),
    ('dialog', 'balance', 'Balance of the dialog', 1), ('dialog', 'objection_handling', 'Objection handling', 1),
    ('dialog', 'next_step', 'Outcome and next step', 1), ('dialog', 'sentiment', 'Tone of the conversation', 1),
    ('dialog', 'politeness', 'Politeness and compliance', 1);
CREATE TEMP TABLE seed_calls (id uuid, manager_id text, mode text, created_at timestamptz, score int, profane boolean,
                              sentiment text);
SELECT :calls::bigint / :days AS per_day \gset

CREATE FUNCTION pg_temp.seed_day(day_index int, per_day bigint, managers int) RETURNS void LANGUAGE sql AS $$
    TRUNCATE seed_calls;
    INSERT INTO seed_calls
    SELECT gen_random_uuid(), 'manager-' || lpad((1 + floor(random() * managers))::int::text, 5, '0'),
           (ARRAY['manager', 'client', 'dialog'])[1 + floor(random() * 3)::int],
           now() - (day_index + random()) * interval '1 day', 20 + floor(random() * 81)::int, random() < 0.05,
           (ARRAY['negative', 'neutral', 'positive'])[1 + floor(random() * 3)::int]
    FROM generate_series(1, per_day);
    INSERT INTO calls (id, manager_id, mode, source, status, stage, dialog_text, created_at, updated_at, started_at,
                       completed_at)
    SELECT id, manager_id, mode, 'text', 'done', 'done', 'Manager: Hello, this is Ann. Customer: Hi.', created_at,
           created_at + interval '5 seconds', created_at + interval '1 second', created_at + interval '5 seconds'
    FROM seed_calls;
    INSERT INTO call_results (call_id, manager_id, mode, call_created_at, total_score, language, sentiment,
                              sentiment_score, has_profanity, profanity_count, result, cost_usd, completed_at)
    SELECT id, manager_id, mode, created_at, score, 'en', sentiment,
           CASE sentiment WHEN 'negative' THEN -0.6 WHEN 'positive' THEN 0.6 ELSE 0 END, profane, profane::int,
           jsonb_build_object('total_score', score, 'language', 'en',
                              'summary', 'The manager greeted the customer, asked about their needs and agreed on a '
                                         || 'next step. The customer asked about the price and the contract terms.',
                              'recommendations', jsonb_build_array('Ask more open questions.', 'Confirm the next step.')),
           round((random() * 0.01)::numeric, 6), created_at + interval '5 seconds'
    FROM seed_calls;
    INSERT INTO criterion_scores (call_id, key, name, score, weight, evidence)
    SELECT s.id, c.key, c.name, least(100, greatest(0, s.score - 15 + floor(random() * 31)::int)), c.weight,
           'Quote for ' || c.key
    FROM seed_calls AS s JOIN seed_criteria AS c ON c.mode = s.mode;
$$;
\set QUIET on
SELECT pg_temp.seed_day(d, :per_day, :managers) FROM generate_series(0, :days - 1) AS d;
ALTER TABLE call_results ENABLE TRIGGER USER;
ALTER TABLE criterion_scores ENABLE TRIGGER USER;
