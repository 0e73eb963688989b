/// One versioned schema change.
public struct PostgresMigration: Sendable {
    /// Its number; migrations apply in this order, once each.
    public var version: Int
    /// What it does.
    public var name: String
    /// The statements, run in one transaction.
    public var sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
