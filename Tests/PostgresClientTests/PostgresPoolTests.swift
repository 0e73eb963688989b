import Foundation
import Logging
import NIOPosix
import PostgresClient
import Testing

@Suite("PostgresPool against a real PostgreSQL server")
struct PostgresPoolTests {
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static var url: String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"] else {
            fatalError("DATABASE_URL is not set: run the tests with scripts/test.sh")
        }
        return url
    }

    static func pool(_ connectionString: String = url, size: Int = 4, statementTimeout: Int = 30_000) -> PostgresPool {
        var configuration = PostgresConfiguration(connectionString: connectionString)
        configuration.statementTimeoutMilliseconds = statementTimeout
        configuration.connectTimeoutSeconds = 2
        return PostgresPool(configuration: configuration, size: size, threadPool: Self.threads,
                            logger: Logger(label: "pg-test"))
    }

    /// A table of this test's own.
    static func table() -> String { "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased() }

    @Test("URL and keyword connection strings both work")
    func connectionStrings() async throws {
        let components = URLComponents(string: Self.url)!
        let keywords = "host=\(components.host!) port=\(components.port!) user=\(components.user!) dbname=\(components.path.dropFirst())"
        for string in [Self.url, keywords] {
            let pool = Self.pool(string, size: 1)
            #expect(try await pool.query("SELECT 1 + 1 AS two").first?["two"].int == 2)
            await pool.close()
        }
    }

    @Test("parameters of every kind round-trip, NULL and Unicode included")
    func parameters() async throws {
        let pool = Self.pool()
        let id = UUID()
        let now = Date(timeIntervalSince1970: 1_790_000_000.123456)
        let row = try #require(try await pool.query(
            "SELECT $1::text AS t, $2::int AS i, $3::float8 AS d, $4::bool AS b, $5::uuid AS u, $6::timestamptz AS at, $7::text AS n",
            [.init("Клиент: привет, 고객: 안녕"), .init(42), .init(2.5), .init(true), .init(id), .init(now), .null]).first)
        #expect(row["t"].string == "Клиент: привет, 고객: 안녕")
        #expect(row["i"].int == 42)
        #expect(row["d"].double == 2.5)
        #expect(row["b"].bool == true)
        #expect(row["u"].uuid == id)
        #expect(abs((row["at"].date?.timeIntervalSince1970 ?? 0) - now.timeIntervalSince1970) < 0.001)
        #expect(row["n"].isNull)
        #expect(row[0].string == row["t"].string)
        await pool.close()
    }

    @Test("bytea round-trips every byte value and 5 MB without loss")
    func bytea() async throws {
        let pool = Self.pool()
        let table = Self.table()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY, data bytea NOT NULL)")
        let small = (0..<256).map { UInt8($0) }
        let large = (0..<5_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await pool.query("INSERT INTO \(table) VALUES (1, $1), (2, $2), (3, $3)", [.bytes(small), .bytes(large), .bytes([])])
        let rows = try await pool.query("SELECT data FROM \(table) ORDER BY id").rows
        #expect(rows[0]["data"].bytes == small)
        #expect(rows[1]["data"].bytes == large)
        #expect(rows[2]["data"].bytes == [])
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("a transaction commits, and rolls back when its body throws")
    func transactions() async throws {
        struct Abort: Error {}
        let pool = Self.pool()
        let table = Self.table()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        try await pool.transaction { connection in
            try connection.query("INSERT INTO \(table) VALUES (1)")
            try connection.query("INSERT INTO \(table) VALUES (2)")
        }
        await #expect(throws: Abort.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO \(table) VALUES (3)")
                throw Abort()
            }
        }
        #expect(try await pool.query("SELECT count(*) AS n FROM \(table)").first?["n"].int == 2)
        let result = try await pool.query("DELETE FROM \(table) WHERE id = 1")
        #expect(result.affectedRows == 1)
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("errors carry SQLSTATE; the pool keeps working after them")
    func errors() async throws {
        let pool = Self.pool(size: 1)
        let table = Self.table()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        try await pool.query("INSERT INTO \(table) VALUES (1)")
        do {
            try await pool.query("INSERT INTO \(table) VALUES (1)")
            Issue.record("a duplicate key must fail")
        } catch let error as PostgresError {
            #expect(error.isUniqueViolation)
            #expect(!error.isConnectionError)
        }
        do {
            try await pool.query("SELEC 1")
            Issue.record("a syntax error must fail")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42601")
        }
        await #expect(throws: PostgresError.self) {
            try await pool.withConnection { connection in
                try connection.query("BEGIN")
                try connection.query("SELECT 1/0")
            }
        }
        #expect(try await pool.query("SELECT count(*) AS n FROM \(table)").first?["n"].int == 1, "no transaction left open")
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("statement_timeout stops a long statement")
    func statementTimeout() async throws {
        let pool = Self.pool(size: 1, statementTimeout: 200)
        let start = ContinuousClock.now
        do {
            try await pool.query("SELECT pg_sleep(3)")
            Issue.record("pg_sleep(3) must be cancelled")
        } catch let error as PostgresError {
            #expect(error.sqlState == "57014")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(try await pool.query("SELECT 1 AS one").first?["one"].int == 1)
        await pool.close()
    }

    @Test("200 concurrent inserts through a pool of 4 all land")
    func concurrency() async throws {
        let pool = Self.pool(size: 4)
        let table = Self.table()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask { try await pool.query("INSERT INTO \(table) VALUES ($1)", [.init(index)]) }
            }
            try await group.waitForAll()
        }
        #expect(try await pool.query("SELECT count(*) AS n FROM \(table)").first?["n"].int == 200)
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("after the server terminates the backend the pool reconnects")
    func reconnect() async throws {
        let pool = Self.pool(size: 1)
        let pid = try #require(try await pool.query("SELECT pg_backend_pid() AS pid").first?["pid"].int)
        let admin = Self.pool(size: 1)
        #expect(try await admin.query("SELECT pg_terminate_backend($1) AS done", [.init(pid)]).first?["done"].bool == true)
        try await Task.sleep(for: .milliseconds(100))
        var newPID: Int?
        for _ in 0..<3 {
            newPID = try? await pool.query("SELECT pg_backend_pid() AS pid").first?["pid"].int
            if newPID != nil { break }
        }
        #expect(newPID != nil)
        #expect(newPID != pid)
        await pool.close()
        await admin.close()
    }

    @Test("a closed port fails fast with a connection error")
    func unreachable() async throws {
        let pool = Self.pool("postgres://postgres@127.0.0.1:1/none", size: 1)
        let start = ContinuousClock.now
        do {
            try await pool.query("SELECT 1")
            Issue.record("connecting to a closed port must fail")
        } catch let error as PostgresError {
            #expect(error.isConnectionError)
        }
        #expect(ContinuousClock.now - start < .seconds(3))
        await pool.close()
    }

    @Test("migrations apply once, in order, also when two processes migrate at once")
    func migrations() async throws {
        let database = Self.table()
        let admin = Self.pool(size: 1)
        try await admin.query("CREATE DATABASE \(database)")
        var components = URLComponents(string: Self.url)!
        components.path = "/" + database
        let first = Self.pool(components.string!, size: 2)
        let second = Self.pool(components.string!, size: 2)
        let migrations = [
            PostgresMigration(version: 2, name: "add", sql: "INSERT INTO things VALUES (1); INSERT INTO things VALUES (2);"),
            PostgresMigration(version: 1, name: "create", sql: "CREATE TABLE things (id int PRIMARY KEY);"),
        ]
        let logger = Logger(label: "migrate")
        async let a: Void = PostgresMigrator.migrate(first, migrations: migrations, logger: logger)
        async let b: Void = PostgresMigrator.migrate(second, migrations: migrations, logger: logger)
        _ = try await (a, b)
        try await PostgresMigrator.migrate(first, migrations: migrations, logger: logger)
        #expect(try await first.query("SELECT count(*) AS n FROM things").first?["n"].int == 2)
        #expect(try await first.query("SELECT count(*) AS n FROM schema_migrations").first?["n"].int == 2)
        await first.close()
        await second.close()
        try await admin.query("DROP DATABASE \(database) WITH (FORCE)")
        await admin.close()
    }
}
