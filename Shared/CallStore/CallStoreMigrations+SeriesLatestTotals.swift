import PostgresClient

extension CallStoreMigrations {
    /// Each series' latest criterion running totals, kept in its `report_series` row: a period that ends after a
    /// series' last day with scores (any period that ends today) reads them there instead of looking the series' row up
    /// in `report_criterion_totals`. Those lookups, one per manager and mode, were half the criteria's time in the
    /// every-manager report.
    ///
    /// Triggers on `report_criterion_totals` copy the latest row of every series they change in the statement that
    /// changed it; its writers hold the series' lock (``criterionTotals``). The copies of the series already stored are
    /// made by this migration, which locks `report_criterion_totals` against writes and `report_series` against reads
    /// until it commits: reports and the folding wait for it (0.13 s for 3,000 series here).
    static let seriesLatestTotals = PostgresMigration(version: 14, name: "each series' latest criterion totals", sql: """
            ALTER TABLE report_series ADD COLUMN latest_day date, ADD COLUMN latest_criteria report_criterion[];

            -- Copies the latest running totals of the series of the changed rows (`changed`, the transition table).
            CREATE FUNCTION report_series_latest_copy() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE report_series AS s SET (latest_day, latest_criteria) = (
                    SELECT t.day, t.criteria FROM report_criterion_totals AS t
                    WHERE t.manager_id = s.manager_id AND t.mode = s.mode ORDER BY t.day DESC LIMIT 1)
                FROM (SELECT DISTINCT manager_id, mode FROM changed) AS c
                WHERE (s.manager_id, s.mode) = (c.manager_id, c.mode);
                RETURN NULL;
            END $$;

            CREATE FUNCTION report_series_latest_forget() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE report_series SET latest_day = NULL, latest_criteria = NULL WHERE latest_day IS NOT NULL;
                RETURN NULL;
            END $$;

            CREATE TRIGGER report_series_latest_insert AFTER INSERT ON report_criterion_totals
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_series_latest_copy();
            CREATE TRIGGER report_series_latest_update AFTER UPDATE ON report_criterion_totals
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_series_latest_copy();
            CREATE TRIGGER report_series_latest_delete AFTER DELETE ON report_criterion_totals
                REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION report_series_latest_copy();
            CREATE TRIGGER report_series_latest_truncate AFTER TRUNCATE ON report_criterion_totals
                FOR EACH STATEMENT EXECUTE FUNCTION report_series_latest_forget();

            UPDATE report_series AS s SET (latest_day, latest_criteria) = (
                SELECT t.day, t.criteria FROM report_criterion_totals AS t
                WHERE t.manager_id = s.manager_id AND t.mode = s.mode ORDER BY t.day DESC LIMIT 1);
            """)
}
