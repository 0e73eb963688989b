import BlockingPool
import Logging
import NIOPosix

/// An async Redis client over hiredis: a pool of connections whose blocking calls run on a dedicated thread pool.
///
/// Connections open on first use, at most `poolSize` of them; a caller that finds them all busy waits its turn.
/// A connection that hits an I/O error (a timeout, a server restart, a killed client) is dropped and the error
/// thrown as ``RedisError/io(_:)``; the next call opens a fresh connection.
public final class RedisClient: Sendable {
    private let pool: BlockingConnectionPool<RedisConnection>
    private let logger: Logger

    /// Creates a client; no connection opens until the first command.
    public init(configuration: RedisConfiguration, poolSize: Int = 8, threadPool: NIOThreadPool, logger: Logger) {
        self.logger = logger
        pool = BlockingConnectionPool(maxConnections: poolSize, threadPool: threadPool) {
            let connection = try RedisConnection(configuration: configuration)
            logger.debug("connected to Redis", metadata: ["redis.address": "\(configuration.host):\(configuration.port)"])
            return connection
        }
    }

    /// Sends one command; an error reply throws ``RedisError/server(_:)``, as does an empty `arguments`.
    public func send(_ arguments: [String]) async throws -> RedisValue {
        try Self.validate(arguments)
        return try Self.unwrap(try await run { try $0.command(arguments) })
    }

    /// Sends a command that may block on the server (`BLPOP`, `XREADGROUP … BLOCK`): the socket waits up to
    /// `timeout` for this call instead of the configured command timeout.
    public func send(_ arguments: [String], timeout: Duration) async throws -> RedisValue {
        try Self.validate(arguments)
        return try Self.unwrap(try await run { try $0.command(arguments, timeout: timeout) })
    }

    /// Sends several commands in one round trip (all written, then all read) and returns their replies in order;
    /// error replies come back as ``RedisValue/error(_:)``. An empty command throws ``RedisError/server(_:)``
    /// before anything is sent.
    public func pipeline(_ commands: [[String]]) async throws -> [RedisValue] {
        guard !commands.isEmpty else { return [] }
        for command in commands { try Self.validate(command) }
        return try await run { try $0.pipeline(commands) }
    }

    /// Closes idle connections; busy ones close when their call ends, and later calls throw ``RedisError/closed``.
    public func close() async {
        pool.close()
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable (RedisConnection) throws -> T) async throws -> T {
        do {
            return try await pool.withConnection(body)
        } catch is BlockingPoolClosed {
            throw RedisError.closed
        } catch is NIOThreadPoolError.ThreadPoolInactive {
            throw RedisError.io("the thread pool that runs Redis calls is not running")
        } catch RedisError.io(let reason) {
            logger.warning("Redis I/O error; the connection is dropped and the next call reconnects", metadata: ["redis.error": "\(reason)"])
            throw RedisError.io(reason)
        }
    }

    /// Redis answers nothing to an empty command, which would leave the connection waiting for a reply.
    private static func validate(_ arguments: [String]) throws {
        if arguments.isEmpty { throw RedisError.server("ERR empty command") }
    }

    private static func unwrap(_ value: RedisValue) throws -> RedisValue {
        if case .error(let message) = value { throw RedisError.server(message) }
        return value
    }
}
