import Logging

/// Applies migrations once each, in order, under an advisory lock so that processes starting together agree.
public enum PostgresMigrator {
    /// The advisory lock key ("callaudit" in ASCII).
    static let lockKey = 0x63_616C_6C61_7564

    /// Applies every migration not yet recorded in `schema_migrations`, each in its own transaction with its record.
    public static func migrate(_ pool: PostgresPool, migrations: [PostgresMigration], logger: Logger) async throws {
        let applied = try await pool.withConnection { connection -> [Int] in
            try connection.query("SELECT pg_advisory_lock($1)", [.init(lockKey)])
            defer { _ = try? connection.query("SELECT pg_advisory_unlock($1)", [.init(lockKey)]) }
            try connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """)
            let done = Set(try connection.query("SELECT version FROM schema_migrations").compactMap { $0["version"].int })
            var applied: [Int] = []
            for migration in migrations.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
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
                applied.append(migration.version)
            }
            return applied
        }
        for version in applied { logger.info("applied migration", metadata: ["version": "\(version)"]) }
    }
}
