/// A Redis reply.
public indirect enum RedisValue: Sendable, Equatable {
    case null
    case integer(Int)
    case simpleString(String)
    case bulkString([UInt8])
    case array([RedisValue])
    /// An error reply, as ``RedisClient/pipeline(_:)`` returns it (``RedisClient/send(_:)`` throws it instead).
    case error(String)

    /// A simple or bulk string as UTF-8.
    public var string: String? {
        switch self {
        case .simpleString(let text): text
        case .bulkString(let bytes): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// An integer reply, or a string that holds an integer.
    public var int: Int? {
        switch self {
        case .integer(let value): value
        case .simpleString, .bulkString: string.flatMap { Int($0) }
        default: nil
        }
    }

    /// The elements of an array reply.
    public var array: [RedisValue]? {
        if case .array(let values) = self { return values }
        return nil
    }
}
