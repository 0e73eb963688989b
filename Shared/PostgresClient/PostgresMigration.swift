/// One versioned schema change.
public struct PostgresMigration: Sendable {
    /// The version; migrations apply in ascending order, each once.
    public var version: Int
    /// A short description, recorded in `schema_migrations`.
    public var name: String
    /// One or more statements without parameters; they run inside the migrator's transaction (no `BEGIN`/`COMMIT`).
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
