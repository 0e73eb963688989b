import PostgresClient

extension CallStoreMigrations {
    /// Questions about calls and their answers: a conversation is about one call or about one manager's recent
    /// calls, and keeps every question and answer with the model, the tokens and the cost of each answer.
    static let chat = PostgresMigration(version: 8, name: "conversations about calls", sql: """
        CREATE TABLE chat_conversations (
            id         uuid PRIMARY KEY,
            call_id    uuid REFERENCES calls (id) ON DELETE CASCADE,
            manager_id text,
            created_at timestamptz NOT NULL DEFAULT now(),
            CHECK ((call_id IS NULL) <> (manager_id IS NULL))
        );
        CREATE INDEX chat_conversations_call ON chat_conversations (call_id, created_at) WHERE call_id IS NOT NULL;
        CREATE INDEX chat_conversations_manager ON chat_conversations (manager_id, created_at) WHERE manager_id IS NOT NULL;

        CREATE TABLE chat_messages (
            id              bigserial PRIMARY KEY,
            conversation_id uuid NOT NULL REFERENCES chat_conversations (id) ON DELETE CASCADE,
            role            text NOT NULL CHECK (role IN ('user', 'assistant')),
            content         text NOT NULL,
            provider        text,
            model           text,
            status          text NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'interrupted', 'failed')),
            input_tokens    integer,
            output_tokens   integer,
            -- the provider's count never came (an answer cut off, a server that does not send it): length / 4
            tokens_estimated boolean NOT NULL DEFAULT false,
            cost_usd        numeric(12, 6),
            calls_used      uuid[],
            created_at      timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX chat_messages_conversation ON chat_messages (conversation_id, id);
        """)
}
