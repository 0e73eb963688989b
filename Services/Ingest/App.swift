import CallAuditCore
import CallAuditRuntime
import Hummingbird
import Logging

/// `callaudit-ingest`: validates calls, stores them in PostgreSQL, enqueues them in Redis and serves reads.
@main
struct App {
    static func main() async throws {
        let environment = EnvironmentVariables()
        let configuration = try IngestConfiguration(environment: environment)
        let logger = Logger.service("callaudit-ingest", environment: environment)
        let app = try await buildApplication(configuration, environment: environment, logger: logger)
        try await app.runService()
    }
}
