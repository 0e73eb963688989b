import BlockingPool
import Logging
import NIOPosix

/// An async Redis client over hiredis: a pool of connections whose blocking calls run on a dedicated thread pool.
public final class RedisClient: Sendable {
    private let pool: BlockingConnectionPool<RedisConnection>

    /// Creates a client; connections open on first use and reopen after an I/O error.
    public init(configuration: RedisConfiguration, poolSize: Int = 8, threadPool: NIOThreadPool, logger: Logger) {
        pool = BlockingConnectionPool(maxConnections: poolSize, threadPool: threadPool) {
            let connection = try RedisConnection(configuration: configuration)
            logger.debug("connected to Redis", metadata: ["host": "\(configuration.host):\(configuration.port)"])
            return connection
        }
    }

    /// Sends one command; an error reply throws ``RedisError/server(_:)``.
    public func send(_ arguments: [String]) async throws -> RedisValue {
        try Self.unwrap(try await run { try $0.command(arguments) })
    }

    /// Sends a command that may block on the server (`XREADGROUP … BLOCK`): the socket waits up to `timeout`.
    public func send(_ arguments: [String], timeout: Duration) async throws -> RedisValue {
        try Self.unwrap(try await run { try $0.command(arguments, timeout: timeout) })
    }

    /// Sends several commands in one round trip; error replies come back as ``RedisValue/error(_:)``.
    public func pipeline(_ commands: [[String]]) async throws -> [RedisValue] {
        try await run { try $0.pipeline(commands) }
    }

    /// Closes idle connections; later calls throw ``RedisError/closed``.
    public func close() async {
        await pool.close()
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable (RedisConnection) throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(body)
        } catch is BlockingPoolClosed {
            throw RedisError.closed
        } catch let timeout as BlockingPoolTimeout {
            throw RedisError.io("every Redis connection stayed busy: \(timeout)")
        }
    }

    private static func unwrap(_ value: RedisValue) throws -> RedisValue {
        if case .error(let message) = value { throw RedisError.server(message) }
        return value
    }
}
