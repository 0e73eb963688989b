import BlockingPool
import CHiredis
import CoreExtensions

/// One hiredis context. A context is dead after any I/O or protocol error, so the connection then reports itself
/// broken and the pool opens another.
final class RedisConnection: BlockingConnection, @unchecked Sendable {
    // @unchecked: the pool hands this connection to one thread at a time; `context` is only touched by that thread.
    private let context: UnsafeMutablePointer<redisContext>
    private let commandTimeout: Duration

    init(configuration: RedisConfiguration) throws {
        guard let context = ca_redis_connect(configuration.host, Int32(configuration.port),
                                             configuration.connectTimeout.wholeMilliseconds) else {
            throw RedisError.io("cannot allocate a Redis context")
        }
        if context.pointee.err != 0 {
            let message = Self.errorText(context)
            redisFree(context)
            throw RedisError.io("cannot connect to \(configuration.host):\(configuration.port): \(message)")
        }
        self.context = context
        self.commandTimeout = configuration.commandTimeout
        _ = ca_redis_set_timeout(context, commandTimeout.wholeMilliseconds)
        if let password = configuration.password {
            let auth = configuration.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            if case .error = try command(auth) { throw RedisError.server("authentication failed") }
        }
        if configuration.database != 0, case .error(let message) = try command(["SELECT", String(configuration.database)]) {
            throw RedisError.server(message)
        }
    }

    deinit {
        redisFree(context)
    }

    var isBroken: Bool { context.pointee.err != 0 }

    /// Sends one command and reads its reply (an error reply is returned, not thrown).
    func command(_ arguments: [String], timeout: Duration? = nil) throws -> RedisValue {
        if let timeout { _ = ca_redis_set_timeout(context, timeout.wholeMilliseconds) }
        defer { if timeout != nil { _ = ca_redis_set_timeout(context, commandTimeout.wholeMilliseconds) } }
        let reply = RedisArguments(arguments).withArgv { count, argv, lengths in
            redisCommandArgv(context, count, argv, lengths)
        }
        return try take(reply)
    }

    /// Appends every command, then reads every reply: one round trip.
    func pipeline(_ commands: [[String]]) throws -> [RedisValue] {
        for arguments in commands {
            let status = RedisArguments(arguments).withArgv { count, argv, lengths in
                redisAppendCommandArgv(context, count, argv, lengths)
            }
            guard status == REDIS_OK else { throw RedisError.io(Self.errorText(context)) }
        }
        var replies: [RedisValue] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var reply: UnsafeMutableRawPointer?
            guard redisGetReply(context, &reply) == REDIS_OK else { throw RedisError.io(Self.errorText(context)) }
            replies.append(try take(reply))
        }
        return replies
    }

    private func take(_ reply: UnsafeMutableRawPointer?) throws -> RedisValue {
        guard let reply else { throw RedisError.io(Self.errorText(context)) }
        let typed = reply.assumingMemoryBound(to: redisReply.self)
        defer { freeReplyObject(reply) }
        return Self.value(of: typed)
    }

    static func value(of reply: UnsafeMutablePointer<redisReply>) -> RedisValue {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_INTEGER:
            return .integer(Int(node.integer))
        case REDIS_REPLY_NIL:
            return .null
        case REDIS_REPLY_STATUS:
            return .simpleString(bytes(node).map { String(decoding: $0, as: UTF8.self) } ?? "")
        case REDIS_REPLY_ERROR:
            return .error(bytes(node).map { String(decoding: $0, as: UTF8.self) } ?? "")
        case REDIS_REPLY_STRING:
            return .bulkString(bytes(node) ?? [])
        case REDIS_REPLY_ARRAY:
            var values: [RedisValue] = []
            values.reserveCapacity(node.elements)
            for index in 0..<node.elements {
                if let element = node.element[index] { values.append(value(of: element)) } else { values.append(.null) }
            }
            return .array(values)
        default:
            return .null
        }
    }

    static func bytes(_ node: redisReply) -> [UInt8]? {
        guard let pointer = node.str else { return nil }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: node.len) { Array(UnsafeBufferPointer(start: $0, count: node.len)) }
    }

    static func errorText(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
