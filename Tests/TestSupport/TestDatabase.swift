import Foundation
import Logging
import NIOPosix
import PostgresClient

/// A fresh PostgreSQL database for one test, dropped afterwards.
public enum TestDatabase {
    /// Creates a database, runs `body` with its URL, and drops it (also when `body` throws).
    public static func with<T>(_ body: (String) async throws -> T) async throws -> T {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await administer("CREATE DATABASE \(name)")
        do {
            let result = try await body(url(of: name))
            try await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// `DATABASE_URL` with another database name.
    public static func url(of database: String) -> String {
        var components = URLComponents(string: TestEnvironment.databaseURL)!
        components.path = "/" + database
        return components.string!
    }

    static func administer(_ sql: String) async throws {
        let pool = PostgresPool(
            configuration: PostgresConfiguration(connectionString: TestEnvironment.databaseURL), size: 1,
            threadPool: TestThreadPool.shared, logger: Logger(label: "test-database"))
        do {
            _ = try await pool.query(sql)
            await pool.close()
        } catch {
            await pool.close()
            throw error
        }
    }
}
