import PostgresClient

extension CallStoreMigrations {
    /// Human review: every override of a criterion's score or of the call's notes, with who, when, the old and the new
    /// value and the required reason. The result itself carries the reviewed scores (so reports, kept by the
    /// aggregate triggers, use them); the first change of a criterion keeps the analyzer's score as its old value.
    static let reviews = PostgresMigration(version: 5, name: "call reviews", sql: """
        CREATE TABLE call_reviews (
            id         bigserial PRIMARY KEY,
            call_id    uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
            criterion  text,
            old_score  integer,
            new_score  integer CHECK (new_score BETWEEN 0 AND 100),
            old_notes  text,
            new_notes  text,
            reason     text NOT NULL CHECK (reason <> ''),
            reviewer   text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX call_reviews_call ON call_reviews (call_id, id);
        ALTER TABLE call_results ADD COLUMN review_notes text;
        """)
}
