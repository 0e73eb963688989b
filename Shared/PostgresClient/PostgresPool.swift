import BlockingPool
import Logging
import NIOPosix

/// An async PostgreSQL client over libpq: a pool of connections whose blocking calls run on a dedicated thread pool.
public final class PostgresPool: Sendable {
    private let pool: BlockingConnectionPool<PostgresConnection>

    /// Creates a pool; connections open on first use and reopen after the server went away.
    public init(configuration: PostgresConfiguration, size: Int = 10, threadPool: NIOThreadPool, logger: Logger) {
        pool = BlockingConnectionPool(maxConnections: size, threadPool: threadPool) {
            let connection = try PostgresConnection(configuration: configuration, logger: logger)
            logger.debug("connected to PostgreSQL")
            return connection
        }
    }

    /// Runs one parameterized statement; `binaryResults` as in ``PostgresConnection/query(_:_:binaryResults:)``.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresParameter] = [], binaryResults: Bool = false) async throws
        -> PostgresResult
    {
        try await withConnection { try $0.query(sql, parameters, binaryResults: binaryResults) }
    }

    /// Runs `body` with one connection, synchronously on a pool thread. A transaction left open is rolled back; a
    /// connection that failed with a connection error is dropped, and the next use opens a new one.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        do {
            return try await pool.withConnection { connection in
                try connection.reopenIfServerClosed()
                defer { connection.endAbandonedTransaction() }
                return try body(connection)
            }
        } catch is BlockingPoolClosed {
            throw PostgresError(sqlState: "08003", message: "the PostgreSQL pool is closed")
        } catch let timeout as BlockingPoolTimeout {
            throw PostgresError(sqlState: "08000", message: "every PostgreSQL connection stayed busy: \(timeout)")
        }
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await withConnection { connection in
            try connection.query("BEGIN")
            let value = try body(connection)
            try connection.query("COMMIT")
            return value
        }
    }

    /// Closes idle connections; later calls fail.
    public func close() async {
        await pool.close()
    }
}
