/// How to reach PostgreSQL: any `postgres://` URL or libpq keyword string, plus client-side limits.
public struct PostgresConfiguration: Sendable {
    /// A `postgres://` / `postgresql://` URL or `host=… dbname=…` keywords.
    public var connectionString: String
    /// Seconds to wait for a connection.
    public var connectTimeoutSeconds: Int = 5
    /// The server cancels a statement that runs longer.
    public var statementTimeoutMilliseconds: Int = 30_000

    /// Creates a configuration.
    public init(connectionString: String) {
        self.connectionString = connectionString
    }

    /// Why libpq cannot read the connection string (secrets masked), or `nil` when it can; no connection is made.
    public var connectionStringProblem: String? {
        PostgresConnectionString(connectionString).parseError
    }
}
