import Foundation
import Logging
import NIOPosix
import RedisClient
import Synchronization
import Testing

@Suite("RedisClient against a real Redis server")
struct RedisClientTests {
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static var url: String {
        guard let url = ProcessInfo.processInfo.environment["REDIS_URL"] else {
            fatalError("REDIS_URL is not set: run the tests with scripts/test.sh")
        }
        return url
    }

    static func client(poolSize: Int = 4, url: String = url) throws -> RedisClient {
        RedisClient(configuration: try RedisConfiguration(url: url), poolSize: poolSize,
                    threadPool: Self.threads, logger: Logger(label: "redis-test"))
    }

    static func key(_ name: String) -> String { "redis-test:\(UUID().uuidString):\(name)" }

    @Test("URLs: host, port, password, user and database; bad URLs are refused without echoing the password")
    func urls() throws {
        let full = try RedisConfiguration(url: "redis://user:s3cret@redis.example.com:6380/3")
        #expect(full.host == "redis.example.com")
        #expect(full.port == 6380)
        #expect(full.username == "user")
        #expect(full.password == "s3cret")
        #expect(full.database == 3)
        let bare = try RedisConfiguration(url: "redis://localhost")
        #expect(bare.port == 6379)
        #expect(bare.database == 0)
        #expect(bare.password == nil)
        let passwordOnly = try RedisConfiguration(url: "redis://:pw@127.0.0.1:6379/0")
        #expect(passwordOnly.password == "pw")
        #expect(passwordOnly.username == nil)
        for bad in ["http://localhost", "rediss://h:1", "redis://h:1/notanumber", "redis://h:99999"] {
            #expect(throws: RedisError.self) { try RedisConfiguration(url: bad) }
        }
        do {
            _ = try RedisConfiguration(url: "redis://:topsecret@h:1/x")
        } catch {
            #expect(!"\(error)".contains("topsecret"))
        }
    }

    @Test("strings, binary values, integers, nil, arrays and error replies")
    func replies() async throws {
        let redis = try Self.client()
        let key = Self.key("value")
        #expect(try await redis.send(["SET", key, "привет 안녕"]).string == "OK")
        #expect(try await redis.send(["GET", key]).string == "привет 안녕")
        #expect(try await redis.send(["GET", Self.key("missing")]) == .null)
        let counter = Self.key("counter")
        #expect(try await redis.send(["INCRBY", counter, "41"]) == .integer(41))
        #expect(try await redis.send(["INCR", counter]).int == 42)
        let list = Self.key("list")
        _ = try await redis.send(["RPUSH", list, "a", "b", "c"])
        #expect(try await redis.send(["LRANGE", list, "0", "-1"]).array?.compactMap(\.string) == ["a", "b", "c"])
        await #expect(throws: RedisError.self) { _ = try await redis.send(["INCR", list]) }
        do {
            _ = try await redis.send(["NOSUCHCOMMAND"])
            Issue.record("an unknown command must throw")
        } catch RedisError.server(let message) {
            #expect(message.contains("unknown command"))
        }
        _ = try await redis.send(["DEL", key, counter, list])
        await redis.close()
    }

    @Test("a pipeline answers every command in order, an error reply in the middle included")
    func pipeline() async throws {
        let redis = try Self.client()
        let key = Self.key("pipe")
        let replies = try await redis.pipeline([["SET", key, "1"], ["INCR", key], ["LPUSH", key, "x"], ["INCR", key], ["GET", key]])
        #expect(replies.count == 5)
        #expect(replies[1] == .integer(2))
        if case .error(let message) = replies[2] { #expect(message.contains("WRONGTYPE")) } else { Issue.record("expected an error reply") }
        #expect(replies[3] == .integer(3))
        #expect(replies[4].string == "3")
        let many = try await redis.pipeline((0..<500).map { _ in ["INCR", key] })
        #expect(many.last == .integer(503))
        _ = try await redis.send(["DEL", key])
        await redis.close()
    }

    @Test("200 concurrent commands through a pool of 4 all land")
    func concurrency() async throws {
        let redis = try Self.client(poolSize: 4)
        let key = Self.key("concurrent")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 { group.addTask { _ = try await redis.send(["INCR", key]) } }
            try await group.waitForAll()
        }
        #expect(try await redis.send(["GET", key]).int == 200)
        _ = try await redis.send(["DEL", key])
        await redis.close()
    }

    @Test("a blocking read waits its timeout and answers nil while other commands go on")
    func blockingRead() async throws {
        let redis = try Self.client(poolSize: 2)
        let list = Self.key("blocking")
        let blockedReturned = Mutex(false)
        async let blocked: RedisValue = {
            let value = try await redis.send(["BLPOP", list, "2"], timeout: .seconds(4))
            blockedReturned.withLock { $0 = true }
            return value
        }()
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await redis.send(["PING"]).string == "PONG")
        #expect(blockedReturned.withLock { $0 } == false, "PING was answered while the other connection was blocked")
        #expect(try await blocked == .null)
        await redis.close()
    }

    @Test("after the server kills the connection the next commands reconnect")
    func reconnect() async throws {
        let redis = try Self.client(poolSize: 1)
        let key = Self.key("reconnect")
        _ = try await redis.send(["SET", key, "before"])
        let id = try #require(try await redis.send(["CLIENT", "ID"]).int)
        let killer = try Self.client(poolSize: 1)
        #expect(try await killer.send(["CLIENT", "KILL", "ID", String(id)]).int == 1)
        var recovered: String?
        for _ in 0..<3 {
            recovered = try? await redis.send(["GET", key]).string
            if recovered != nil { break }
        }
        #expect(recovered == "before")
        #expect(try await redis.send(["CLIENT", "ID"]).int != id)
        _ = try await redis.send(["DEL", key])
        await redis.close()
        await killer.close()
    }

    @Test("a wrong password and an unreachable server fail cleanly, without the password in the error")
    func failures() async throws {
        let port = ProcessInfo.processInfo.environment["REDIS_PORT"] ?? "6379"
        let wrong = try Self.client(url: "redis://:wrong-password-123@127.0.0.1:\(port)/0")
        do {
            _ = try await wrong.send(["PING"])
            Issue.record("AUTH against a server without a password must fail")
        } catch {
            #expect(!"\(error)".contains("wrong-password-123"))
        }
        let closed = try Self.client(url: "redis://127.0.0.1:1/0")
        await #expect(throws: RedisError.self) { _ = try await closed.send(["PING"]) }
        await wrong.close()
        await closed.close()
    }

    @Test("SELECT is applied: database 5 does not see database 0")
    func database() async throws {
        let zero = try Self.client()
        let port = ProcessInfo.processInfo.environment["REDIS_PORT"] ?? "6379"
        let five = try Self.client(url: "redis://127.0.0.1:\(port)/5")
        let key = Self.key("db")
        _ = try await five.send(["SET", key, "in five"])
        #expect(try await zero.send(["GET", key]) == .null)
        #expect(try await five.send(["GET", key]).string == "in five")
        _ = try await five.send(["DEL", key])
        await zero.close()
        await five.close()
    }

    @Test("a closed client refuses further commands")
    func closed() async throws {
        let redis = try Self.client()
        await redis.close()
        await #expect(throws: RedisError.closed) { _ = try await redis.send(["PING"]) }
    }
}
