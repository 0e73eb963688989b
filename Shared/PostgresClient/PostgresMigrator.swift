import Logging

/// Applies migrations once each, in order, under an advisory lock so that processes starting together agree.
public enum PostgresMigrator {
    /// The advisory lock key ("callaudit" in ASCII).
    static let lockKey = 0x63_616C_6C61_7564

    /// Applies every migration not yet recorded in `schema_migrations`, each in its own transaction with its record.
    ///
    /// Everything runs on one connection holding `pg_advisory_lock`, without a statement timeout (waiting for another
    /// process's migrations or building an index may take long). Two migrations with one version are refused.
    public static func migrate(_ pool: PostgresPool, migrations: [PostgresMigration], logger: Logger) async throws {
        let ordered = migrations.sorted { $0.version < $1.version }
        for (earlier, later) in zip(ordered, ordered.dropFirst()) where earlier.version == later.version {
            throw PostgresError(sqlState: nil, message: "two migrations have version \(later.version)")
        }
        let applied = try await pool.withConnection { connection -> [Int] in
            try connection.query("SET statement_timeout = 0")
            defer { _ = try? connection.query("RESET statement_timeout") }
            try connection.query("SELECT pg_advisory_lock($1)", [.init(lockKey)])
            defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [.init(lockKey)]) }
            try connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(try connection.query("SELECT version FROM schema_migrations").compactMap { $0["version"].int })
            var applied: [Int] = []
            for migration in ordered where !done.contains(migration.version) {
                try connection.query("BEGIN")
                do {
                    try connection.execute(script: migration.sql)
                    try connection.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                                         [.init(migration.version), .init(migration.name)])
                    try connection.query("COMMIT")
                } catch {
                    _ = try? connection.query("ROLLBACK")
                    throw error
                }
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
            return applied
        }
        if applied.isEmpty { logger.debug("schema is up to date") }
    }
}
