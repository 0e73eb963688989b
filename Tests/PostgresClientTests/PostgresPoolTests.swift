import Foundation
import Logging
import PostgresClient
import Testing

/// Each test uses tables or a database of its own, so that it can share the server with other test targets.
@Suite("PostgresPool against a real PostgreSQL server")
struct PostgresPoolTests {
    typealias Server = PostgresTestServer

    @Test("URL and keyword connection strings both work; settings in the URL are kept")
    func connectionStrings() async throws {
        let components = try #require(URLComponents(string: try Server.url()))
        let host = try #require(components.host), port = try #require(components.port)
        let user = try #require(components.user)
        let keywords = "host=\(host) port=\(port) user=\(user) dbname=\(components.path.dropFirst())"
        let withName = try Server.url(query: [URLQueryItem(name: "application_name", value: "pg-client-test")])
        let postgresql = try Server.url().replacingOccurrences(of: "postgres://", with: "postgresql://")
        for string in [try Server.url(), postgresql, keywords, withName] {
            let pool = Server.pool(string, size: 1)
            let row = try #require(try await pool.query(
                "SELECT 1 + 1 AS two, current_setting('application_name') AS name, current_setting('TimeZone') AS zone").first)
            #expect(row["two"].int == 2)
            #expect(row["name"].string == (string == withName ? "pg-client-test" : "callaudit"))
            #expect(row["zone"].string == "UTC")
            await pool.close()
        }
    }

    @Test("parameters of every kind round-trip, NULL and Unicode included")
    func parameters() async throws {
        let pool = Server.pool(try Server.url())
        let id = UUID()
        let instant = Date(timeIntervalSince1970: 1_790_000_000.123456)
        let text = "Клиент: привет, 고객: 안녕 — ok"
        let row = try #require(try await pool.query("""
            SELECT $1::text AS t, $2::int8 AS i, $3::float8 AS d, $4::bool AS b, $5::uuid AS u, $6::timestamptz AS at,
                   $7::text AS n, $8::text AS literal, $9::int AS number, $10::text AS nothing, $11::bool AS no,
                   $12::int AS absent, $13::bytea AS bin, $14::timestamptz = '2026-11-24 09:25:42.123456+00' AS exact
            """, [
                .init(text), .init(-9_007_199_254_740_993), .init(-2.5e-8), .init(true), .init(id), .init(instant),
                .null, "literal", 7, nil, .init(false), .init(Int?.none), .bytes([0, 0xFF]),
                .init(Date(timeIntervalSince1970: 1_795_512_342.123456)),
            ]).first)
        #expect(row["t"].string == text)
        #expect(row["i"].int == -9_007_199_254_740_993)
        #expect(row["d"].double == -2.5e-8)
        #expect(row["b"].bool == true)
        #expect(row["u"].uuid == id)
        #expect(abs(try #require(row["at"].date).timeIntervalSince(instant)) < 0.000_001)
        #expect(row["n"].isNull)
        #expect(row["literal"].string == "literal")
        #expect(row["number"].int == 7)
        #expect(row["nothing"].isNull)
        #expect(row["no"].bool == false)
        #expect(row["absent"].isNull)
        #expect(row["bin"].bytes == [0, 0xFF])
        #expect(row["exact"].bool == true, "a Date is sent with microseconds")
        #expect(row[0].string == text)
        #expect(PostgresParameter(String?.none) == .null)
        #expect(PostgresParameter("x") == .text("x"))
        await pool.close()
    }

    @Test("cells decode what the server sends")
    func cells() async throws {
        let pool = Server.pool(try Server.url(), size: 1)
        let row = try #require(try await pool.query("""
            SELECT 42::int4 AS i, -7::int2 AS small, 0.1::float8 AS d, 'NaN'::float8 AS nan, 3 AS whole, true AS yes,
                   false AS no, 'maybe' AS word, '6f1b4b5e-1c1e-4a5b-9b0e-0123456789ab'::uuid AS u,
                   '2026-11-24 09:25:42.123456+00'::timestamptz AS at, '2026-11-24 09:25:42+00'::timestamptz AS whole_at,
                   NULL::int AS null_int, ''::text AS empty, '\\x00ff10'::bytea AS bin
            """).first)
        #expect(row["i"].int == 42)
        #expect(row["small"].int == -7)
        #expect(row["d"].double == 0.1)
        #expect(row["nan"].double?.isNaN == true)
        #expect(row["whole"].double == 3)
        #expect(row["yes"].bool == true)
        #expect(row["no"].bool == false)
        #expect(row["word"].bool == nil)
        #expect(row["word"].int == nil)
        #expect(row["u"].uuid == UUID(uuidString: "6F1B4B5E-1C1E-4A5B-9B0E-0123456789AB"))
        let at = try #require(row["at"].date)
        #expect(abs(at.timeIntervalSince1970 - 1_795_512_342.123456) < 0.000_001)
        #expect(row["whole_at"].date == Date(timeIntervalSince1970: 1_795_512_342))
        #expect(row["null_int"].isNull)
        #expect(row["null_int"].int == nil)
        #expect(row["null_int"].string == nil)
        #expect(!row["empty"].isNull)
        #expect(row["empty"].string == "")
        #expect(row["bin"].bytes == [0x00, 0xFF, 0x10])
        #expect(row["no such column"].isNull)

        let zoned = try await pool.transaction { connection in
            try connection.query("SET LOCAL TimeZone = 'Asia/Kolkata'")
            return try connection.query("SELECT '2026-11-24 09:25:42.5+00'::timestamptz AS at").first?["at"]
        }
        #expect(zoned?.string == "2026-11-24 14:55:42.5+05:30")
        #expect(zoned?.date == Date(timeIntervalSince1970: 1_795_512_342.5))
        #expect(try await pool.query("SELECT current_setting('TimeZone') AS zone").first?["zone"].string == "UTC")
        await pool.close()
    }

    @Test("bytea round-trips every byte value and 5 MB without loss")
    func bytea() async throws {
        let pool = Server.pool(try Server.url())
        let table = Server.uniqueName()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY, data bytea NOT NULL)")
        let small = (0..<256).map { UInt8($0) }
        let large = (0..<5_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        try await pool.query("INSERT INTO \(table) VALUES (1, $1), (2, $2), (3, $3)", [.bytes(small), .bytes(large), .bytes([])])
        let rows = try await pool.query("SELECT data, length(data) AS size FROM \(table) ORDER BY id").rows
        #expect(rows.map { $0["size"].int } == [256, 5_000_000, 0], "sent in binary, not as text")
        #expect(rows[0]["data"].bytes == small)
        #expect(rows[1]["data"].bytes == large)
        #expect(rows[2]["data"].bytes == [])
        let binary = try await pool.query("SELECT data FROM \(table) ORDER BY id", binaryResults: true).rows
        #expect(binary.map { $0["data"].binary } == [small, large, []], "a binary-format result is the bytes, not hex")
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("a transaction commits, and rolls back when its body throws")
    func transactions() async throws {
        struct Abort: Error {}
        let pool = Server.pool(try Server.url(), size: 1)
        let table = Server.uniqueName()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        let inserted = try await pool.transaction { connection in
            try connection.query("INSERT INTO \(table) VALUES (1), (2)").affectedRows
        }
        #expect(inserted == 2)
        await #expect(throws: Abort.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO \(table) VALUES (3)")
                throw Abort()
            }
        }
        await #expect(throws: PostgresError.self) {
            try await pool.transaction { connection in
                try connection.query("INSERT INTO \(table) VALUES (4)")
                try connection.query("INSERT INTO \(table) VALUES (1)")
            }
        }
        let ids = try await pool.query("SELECT id FROM \(table) ORDER BY id").map { $0["id"].int }
        #expect(ids == [1, 2])
        #expect(try await pool.query("DELETE FROM \(table) WHERE id = 1").affectedRows == 1)
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("errors carry SQLSTATE; the pool keeps working after them")
    func errors() async throws {
        let pool = Server.pool(try Server.url(), size: 1)
        let table = Server.uniqueName()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY)")
        try await pool.query("INSERT INTO \(table) VALUES (1)")
        let duplicate = try #require(await #expect(throws: PostgresError.self) {
            try await pool.query("INSERT INTO \(table) VALUES ($1)", [1])
        })
        #expect(duplicate.isUniqueViolation)
        #expect(!duplicate.isConnectionError)
        let syntax = try #require(await #expect(throws: PostgresError.self) { try await pool.query("SELEC 1") })
        #expect(syntax.sqlState == "42601")
        #expect(!syntax.isUniqueViolation)
        #expect(syntax.description.contains("42601"))
        let empty = try #require(await #expect(throws: PostgresError.self) { try await pool.query("") })
        #expect(!empty.isConnectionError)
        let script = try #require(await #expect(throws: PostgresError.self) {
            try await pool.withConnection { try $0.execute(script: "SELECT 1; SELECT * FROM \(table)_missing;") }
        })
        #expect(script.sqlState == "42P01")
        await #expect(throws: PostgresError.self) {
            try await pool.withConnection { connection in
                try connection.query("BEGIN")
                try connection.query("INSERT INTO \(table) VALUES (2)")
                try connection.query("SELECT 1/0")
            }
        }
        try await pool.withConnection { connection in
            try connection.query("BEGIN")
            try connection.query("INSERT INTO \(table) VALUES (3)")
        }
        let ids = try await pool.query("SELECT id FROM \(table) ORDER BY id").map { $0["id"].int }
        #expect(ids == [1], "no transaction was left open")
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("statement_timeout stops a long statement")
    func statementTimeout() async throws {
        let pool = Server.pool(try Server.url(), size: 1, statementTimeout: 200)
        let error = try #require(await #expect(throws: PostgresError.self) { try await pool.query("SELECT pg_sleep(5)") })
        #expect(error.sqlState == "57014", "query_canceled: the 5 s statement was stopped by the timeout")
        #expect(try await pool.query("SELECT 1 AS one").first?["one"].int == 1)
        await pool.close()
    }

    @Test("200 concurrent inserts through a pool of 4 all land, on at most 4 connections")
    func concurrency() async throws {
        let pool = Server.pool(try Server.url(), size: 4)
        let table = Server.uniqueName()
        try await pool.query("CREATE TABLE \(table) (id int PRIMARY KEY, backend int NOT NULL)")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await pool.query("INSERT INTO \(table) VALUES ($1, pg_backend_pid())", [.init(index)])
                }
            }
            try await group.waitForAll()
        }
        let row = try #require(try await pool.query(
            "SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT backend) AS backends FROM \(table)").first)
        #expect(row["n"].int == 200)
        #expect(row["ids"].int == 200)
        #expect((1...4).contains(try #require(row["backends"].int)))
        try await pool.query("DROP TABLE \(table)")
        await pool.close()
    }

    @Test("after the server terminates every backend of the pool, the pool reconnects by itself")
    func reconnect() async throws {
        let name = Server.uniqueName()
        let pool = Server.pool(try Server.url(query: [URLQueryItem(name: "application_name", value: name)]), size: 3)
        let admin = Server.pool(try Server.url(), size: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { try await pool.query("SELECT pg_sleep(1)") } }
            try await group.waitForAll()
        }
        let backends = "SELECT pid FROM pg_stat_activity WHERE application_name = $1"
        let old = Set(try await admin.query(backends, [.init(name)]).compactMap { $0["pid"].int })
        #expect(old.count == 3)
        let terminated = try await admin.query(
            "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1", [.init(name)])
        #expect(terminated.rows.count == 3)
        #expect(terminated.allSatisfy { $0["done"].bool == true })
        for _ in 0..<50 where try await !admin.query(backends, [.init(name)]).rows.isEmpty {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(100))

        let pids = try await withThrowingTaskGroup(of: Int?.self) { group in
            for _ in 0..<3 {
                group.addTask { try await pool.query("SELECT pg_backend_pid() AS pid, pg_sleep(0.1)").first?["pid"].int }
            }
            return try await group.reduce(into: Set<Int>()) { if let pid = $1 { $0.insert(pid) } }
        }
        #expect(!pids.isEmpty)
        #expect(pids.isDisjoint(with: old))
        #expect(try await pool.query("SELECT 1 AS one").first?["one"].int == 1)
        await pool.close()
        await admin.close()
    }

    @Test("a backend terminated in the middle of a query fails with a connection error, and the next query succeeds")
    func terminatedDuringQuery() async throws {
        let name = Server.uniqueName()
        let pool = Server.pool(try Server.url(query: [URLQueryItem(name: "application_name", value: name)]), size: 1)
        let admin = Server.pool(try Server.url(), size: 1)
        let sleeping = Task { try await pool.query("SELECT pg_sleep(60)") }
        var terminated = false
        let deadline = ContinuousClock.now + .seconds(50)
        while !terminated && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            terminated = try await admin.query(
                "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = $1 AND state = 'active'",
                [.init(name)]).first?["done"].bool == true
        }
        #expect(terminated)
        let error = try #require(await #expect(throws: PostgresError.self) { try await sleeping.value })
        #expect(error.isConnectionError)
        #expect(try await pool.query("SELECT 1 AS one").first?["one"].int == 1)
        await pool.close()
        await admin.close()
    }

    @Test("a closed port fails within the connect timeout with a connection error that hides the password")
    func unreachable() async throws {
        for string in ["postgres://postgres:s3cret-Pw@127.0.0.1:1/none", "host=127.0.0.1 port=1 password=s3cret-Pw"] {
            let pool = Server.pool(string, size: 1)
            let start = ContinuousClock.now
            let error = try #require(await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") })
            #expect(error.isConnectionError)
            // A refused port answers at once; the bound only tells a failure from a hang (the kernel's TCP timeout is
            // minutes), with room for the seconds the whole suite's start-up can take on two cores.
            #expect(ContinuousClock.now - start < .seconds(60), "a connection error, not a hang")
            #expect(!"\(error)".contains("s3cret"))
            await pool.close()
        }
    }

    @Test("a malformed URL fails without quoting its password, or a part of it")
    func malformedURL() async throws {
        let pool = Server.pool("postgres://postgres:s3cr%zzet@127.0.0.1:1/none", size: 1)
        let error = try #require(await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") })
        #expect(error.isConnectionError)
        #expect(error.message.contains("percent-encoded"))
        #expect(!"\(error)".contains("s3cr"))
        await pool.close()

        let unescaped = Server.pool("postgres://postgres:s3cr3t@Zq9x@127.0.0.1:1/none", size: 1)
        let hostError = try #require(await #expect(throws: PostgresError.self) { try await unescaped.query("SELECT 1") })
        #expect(!"\(hostError)".contains("s3cr3t") && !"\(hostError)".contains("Zq9x"), "\(hostError)")
        await unescaped.close()
    }

    @Test("a connection string libpq cannot use is named before any connection: unreadable, or a port that is no number")
    func connectionStringProblems() {
        #expect(PostgresConfiguration(connectionString: "postgres://u:pw@127.0.0.1:5432/db").connectionStringProblem == nil)
        #expect(PostgresConfiguration(connectionString: "host=127.0.0.1 port=5432,5433 dbname=x").connectionStringProblem == nil)
        let port = PostgresConfiguration(connectionString: "postgres://u:s3cret-pw@db.example:notaport/db").connectionStringProblem
        #expect(port?.contains("port") == true && port?.contains("s3cret") == false, "\(port ?? "")")
        let garbage = PostgresConfiguration(connectionString: "host=a port").connectionStringProblem
        #expect(garbage != nil)
    }

    @Test("a closed pool refuses work with a connection error")
    func closedPool() async throws {
        let pool = Server.pool(try Server.url(), size: 1)
        #expect(try await pool.query("SELECT 1 AS one").first?["one"].int == 1)
        await pool.close()
        let error = try #require(await #expect(throws: PostgresError.self) { try await pool.query("SELECT 1") })
        #expect(error.isConnectionError)
    }
}
