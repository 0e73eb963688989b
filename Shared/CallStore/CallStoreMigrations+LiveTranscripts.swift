import PostgresClient

extension CallStoreMigrations {
    /// A live call's transcript, as the realtime provider gave it while the call was spoken: the worker analyzes it
    /// instead of paying to transcribe the recording again.
    static let liveTranscripts = PostgresMigration(version: 9, name: "live transcripts", sql: """
        ALTER TABLE calls ADD COLUMN live_transcript jsonb;
        """)
}
