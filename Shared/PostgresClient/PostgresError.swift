/// A failed query or connection, with the server's SQLSTATE when there is one.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// The five-character SQLSTATE, e.g. `23505`; `nil` for a client-side error on a working connection.
    public var sqlState: String?
    /// The server's or libpq's message; it never contains the connection string's password.
    public var message: String

    /// Creates an error.
    public init(sqlState: String?, message: String) {
        self.sqlState = sqlState
        self.message = message
    }

    /// The connection failed or the server went away (class 08, or shutdown 57P01–57P03); a retry may succeed.
    public var isConnectionError: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
    }

    /// A unique constraint was violated (`23505`).
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// The server could not take a value it was given (class 22, data exception: a malformed timestamp, a number
    /// out of range, a NUL in text); the same input fails again.
    public var isDataException: Bool { sqlState?.hasPrefix("22") == true }

    /// A row broke a constraint (class 23: check, not-null, foreign or unique key); the same input fails again.
    public var isConstraintViolation: Bool { sqlState?.hasPrefix("23") == true }

    /// The SQLSTATE and the message.
    public var description: String {
        sqlState.map { "PostgreSQL error \($0): \(message)" } ?? "PostgreSQL error: \(message)"
    }
}
