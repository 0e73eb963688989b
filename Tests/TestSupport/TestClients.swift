import CallAuditRuntime
import Logging

/// Clients for a test: a test database's URL and the test Redis server, closed by `with`.
public enum TestClients {
    /// Creates clients for `databaseURL`, runs `body`, and closes them.
    public static func with<T>(databaseURL: String, _ body: (ServiceClients) async throws -> T) async throws -> T {
        let clients = try ServiceClients(
            databaseURL: databaseURL, databasePoolSize: 8, redisURL: TestEnvironment.redisURL, redisPoolSize: 8,
            logger: Logger(label: "test"))
        do {
            let result = try await body(clients)
            try await clients.close()
            return result
        } catch {
            try? await clients.close()
            throw error
        }
    }
}
