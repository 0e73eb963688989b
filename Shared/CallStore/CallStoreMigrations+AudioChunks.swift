import PostgresClient

extension CallStoreMigrations {
    /// Recordings in chunks of ``AudioChunk/size`` bytes, one row each, so that ingest writes an upload as it streams
    /// in and the worker reads it back a chunk at a time: neither holds the whole recording. Chunks are written under
    /// the call's id before the call's row exists (the form's fields may follow its file), so they carry no foreign
    /// key: deleting a recording deletes its chunks by trigger, and the worker's sweeper removes chunks no call took
    /// (an upload refused or cut off). Recordings stored whole in `call_audio.data` move into chunks here.
    static let audioChunks = PostgresMigration(version: 7, name: "recordings in chunks", sql: """
        CREATE TABLE call_audio_chunks (
            call_id    uuid NOT NULL,
            seq        integer NOT NULL,
            data       bytea NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (call_id, seq)
        );
        CREATE INDEX call_audio_chunks_first ON call_audio_chunks (created_at) WHERE seq = 0;
        ALTER TABLE call_audio ALTER COLUMN data DROP NOT NULL;
        INSERT INTO call_audio_chunks (call_id, seq, data)
            SELECT a.call_id, s.seq, substring(a.data FROM s.seq * \(AudioChunk.size) + 1 FOR \(AudioChunk.size))
            FROM call_audio a, generate_series(0, greatest(0, (length(a.data) - 1) / \(AudioChunk.size))) AS s(seq)
            WHERE a.data IS NOT NULL;
        UPDATE call_audio SET data = NULL WHERE data IS NOT NULL;

        CREATE FUNCTION call_audio_drop_chunks() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM call_audio_chunks WHERE call_id = OLD.call_id;
            RETURN OLD;
        END $$;
        CREATE TRIGGER call_audio_drop_chunks AFTER DELETE ON call_audio
            FOR EACH ROW EXECUTE FUNCTION call_audio_drop_chunks();
        """)
}
