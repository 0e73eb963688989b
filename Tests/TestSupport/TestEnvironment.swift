import Foundation

/// Where the test servers are: `scripts/test.sh` starts real Redis and PostgreSQL servers and exports their URLs.
public enum TestEnvironment {
    /// `REDIS_URL` of the test Redis server.
    public static var redisURL: String { required("REDIS_URL") }
    /// `DATABASE_URL` of the test PostgreSQL server (a superuser, so tests can create databases).
    public static var databaseURL: String { required("DATABASE_URL") }

    /// A key prefix of one's own, so tests share one Redis server without meeting.
    public static func uniquePrefix(_ name: String = "test") -> String {
        "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func required(_ name: String) -> String {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            fatalError("\(name) is not set: run the tests with scripts/test.sh, which starts Redis and PostgreSQL")
        }
        return value
    }
}
