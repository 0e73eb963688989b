/// Why a Redis command failed.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `REDIS_URL` cannot be used.
    case invalidURL(String)
    /// Connecting, reading or writing failed or timed out; the connection is dropped and the next call reconnects.
    case io(String)
    /// The server answered with an error reply.
    case server(String)
    /// The client was closed.
    case closed

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid Redis URL: \(reason)"
        case .io(let reason): "Redis I/O error: \(reason)"
        case .server(let message): "Redis error: \(message)"
        case .closed: "the Redis client is closed"
        }
    }
}
