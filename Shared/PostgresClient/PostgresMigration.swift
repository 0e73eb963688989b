/// One versioned schema change.
public struct PostgresMigration: Sendable {
    public var version: Int
    public var name: String
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
