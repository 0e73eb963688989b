import Logging
import PostgresClient
import Testing

/// Each test migrates a database of its own.
@Suite("PostgresMigrator against a real PostgreSQL server")
struct PostgresMigratorTests {
    typealias Server = PostgresTestServer

    static let migrations = [
        PostgresMigration(version: 2, name: "add", sql: "INSERT INTO things VALUES (1); INSERT INTO things VALUES (2);"),
        PostgresMigration(version: 1, name: "create", sql: "CREATE TABLE things (id int PRIMARY KEY);"),
    ]

    @Test("migrations apply once and in order; a second run changes nothing")
    func appliesOnce() async throws {
        try await Server.withDatabase { url in
            let pool = Server.pool(url, size: 2)
            let logger = Logger(label: "migrate")
            try await PostgresMigrator.migrate(pool, migrations: Self.migrations, logger: logger)
            try await PostgresMigrator.migrate(pool, migrations: Self.migrations, logger: logger)
            #expect(try await pool.query("SELECT count(*) AS n FROM things").first?["n"].int == 2)
            let recorded = try await pool.query("SELECT version, name FROM schema_migrations ORDER BY applied_at, version")
            #expect(recorded.map { $0["version"].int } == [1, 2])
            #expect(recorded.map { $0["name"].string } == ["create", "add"])
            let next = Self.migrations + [PostgresMigration(version: 3, name: "more", sql: "INSERT INTO things VALUES (3)")]
            try await PostgresMigrator.migrate(pool, migrations: next, logger: logger)
            #expect(try await pool.query("SELECT count(*) AS n FROM things").first?["n"].int == 3)
            await pool.close()
        }
    }

    @Test("two processes migrating at once apply each migration exactly once")
    func concurrentMigrations() async throws {
        try await Server.withDatabase { url in
            let pools = (0..<4).map { _ in Server.pool(url, size: 2) }
            let slow = Self.migrations + [
                PostgresMigration(version: 3, name: "slow", sql: "SELECT pg_sleep(0.3); INSERT INTO things VALUES (3);"),
            ]
            try await withThrowingTaskGroup(of: Void.self) { group in
                for pool in pools {
                    group.addTask { try await PostgresMigrator.migrate(pool, migrations: slow, logger: Logger(label: "migrate")) }
                }
                try await group.waitForAll()
            }
            #expect(try await pools[0].query("SELECT count(*) AS n FROM things").first?["n"].int == 3)
            #expect(try await pools[0].query("SELECT count(*) AS n FROM schema_migrations").first?["n"].int == 3)
            for pool in pools { await pool.close() }
        }
    }

    @Test("a failing migration is rolled back, unrecorded, and releases the lock")
    func failingMigration() async throws {
        try await Server.withDatabase { url in
            let pool = Server.pool(url, size: 1)
            let other = Server.pool(url, size: 1)
            let logger = Logger(label: "migrate")
            let broken = Self.migrations + [
                PostgresMigration(version: 3, name: "broken", sql: "INSERT INTO things VALUES (3); INSERT INTO things VALUES (1);"),
            ]
            let error = try #require(await #expect(throws: PostgresError.self) {
                try await PostgresMigrator.migrate(pool, migrations: broken, logger: logger)
            })
            #expect(error.isUniqueViolation)
            #expect(try await pool.query("SELECT count(*) AS n FROM things").first?["n"].int == 2)
            #expect(try await pool.query("SELECT max(version) AS v FROM schema_migrations").first?["v"].int == 2)
            let fixed = Self.migrations + [PostgresMigration(version: 3, name: "fixed", sql: "INSERT INTO things VALUES (3);")]
            try await PostgresMigrator.migrate(other, migrations: fixed, logger: logger)
            #expect(try await other.query("SELECT count(*) AS n FROM things").first?["n"].int == 3)
            await pool.close()
            await other.close()
        }
    }

    @Test("two migrations with one version are refused before anything runs")
    func duplicateVersions() async throws {
        try await Server.withDatabase { url in
            let pool = Server.pool(url, size: 1)
            await #expect(throws: PostgresError.self) {
                try await PostgresMigrator.migrate(pool, migrations: Self.migrations + [Self.migrations[1]],
                                                   logger: Logger(label: "migrate"))
            }
            let absent = try await pool.query("SELECT to_regclass('schema_migrations') IS NULL AS absent").first?["absent"]
            #expect(absent?.bool == true)
            await pool.close()
        }
    }
}
