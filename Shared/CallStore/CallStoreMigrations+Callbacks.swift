import PostgresClient

extension CallStoreMigrations {
    /// The callback outbox: one row per event and destination, written in the transaction that ends the call (so a
    /// crash never loses or invents an event), with the signed body fixed at that moment; and one row per delivery
    /// attempt. A call ends `done` once, so its `call.done` event has one row per destination however often the
    /// result is saved again; `call.failed` may come again after a dead-letter replay and is a new event each time.
    static let callbacks = PostgresMigration(version: 6, name: "callback outbox", sql: """
        CREATE TABLE callback_deliveries (
            id              bigserial PRIMARY KEY,
            event_id        uuid NOT NULL,
            call_id         uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
            event           text NOT NULL CHECK (event IN ('call.done', 'call.failed')),
            url             text NOT NULL,
            payload         jsonb NOT NULL,
            status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
            attempts        integer NOT NULL DEFAULT 0,
            -- attempts made before the last replay: the attempt limit counts from here
            replayed_after  integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL DEFAULT now(),
            last_error      text,
            created_at      timestamptz NOT NULL DEFAULT now(),
            delivered_at    timestamptz,
            UNIQUE (event_id, url)
        );
        CREATE UNIQUE INDEX callback_deliveries_done ON callback_deliveries (call_id, url) WHERE event = 'call.done';
        CREATE INDEX callback_deliveries_due ON callback_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX callback_deliveries_call ON callback_deliveries (call_id, id);

        CREATE TABLE callback_attempts (
            delivery_id  bigint NOT NULL REFERENCES callback_deliveries (id) ON DELETE CASCADE,
            attempt      integer NOT NULL,
            attempted_at timestamptz NOT NULL DEFAULT now(),
            http_status  integer,
            latency_ms   integer NOT NULL,
            error        text,
            PRIMARY KEY (delivery_id, attempt)
        );
        """)
}
