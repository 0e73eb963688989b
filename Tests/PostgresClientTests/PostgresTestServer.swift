import Foundation
import Logging
import NIOPosix
import PostgresClient
import Testing

/// The PostgreSQL server the tests run against (`DATABASE_URL`), and pools and names of their own on it.
enum PostgresTestServer {
    /// `DATABASE_URL` is missing.
    struct MissingURL: Error, CustomStringConvertible {
        var description: String { "DATABASE_URL is not set: `source .run/env` (or run scripts/test.sh) first" }
    }

    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    /// `DATABASE_URL`; every test fails with ``MissingURL`` when it is not set.
    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { throw MissingURL() }
        return url
    }

    /// `DATABASE_URL` with another database, and optionally query items (e.g. `application_name`).
    static func url(database: String? = nil, query: [URLQueryItem] = []) throws -> String {
        var components = try #require(URLComponents(string: url()))
        if let database { components.path = "/" + database }
        if !query.isEmpty { components.queryItems = (components.queryItems ?? []) + query }
        return try #require(components.string)
    }

    static func pool(_ connectionString: String, size: Int = 4, statementTimeout: Int = 30_000) -> PostgresPool {
        var configuration = PostgresConfiguration(connectionString: connectionString)
        configuration.statementTimeoutMilliseconds = statementTimeout
        configuration.connectTimeoutSeconds = 10
        return PostgresPool(configuration: configuration, size: size, threadPool: threads, logger: Logger(label: "pg-test"))
    }

    /// A table or database name of this test's own.
    static func uniqueName() -> String {
        "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    }

    /// Creates a database, runs `body` with its URL, and drops it (also when `body` throws).
    static func withDatabase(_ body: (String) async throws -> Void) async throws {
        let name = uniqueName()
        let admin = pool(try url(), size: 1)
        try await admin.query("CREATE DATABASE \(name)")
        do {
            try await body(try url(database: name))
        } catch {
            _ = try? await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            await admin.close()
            throw error
        }
        try await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        await admin.close()
    }
}
