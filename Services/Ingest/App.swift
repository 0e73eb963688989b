import ArgumentParser
import CallAuditAPI
import CallAuditCore
import Hummingbird
import Providers

/// `callaudit-ingest`: validates calls, stores them in PostgreSQL, enqueues them in Redis and serves reads, the
/// dashboard and the answers to questions about calls (through the providers' chat models).
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callaudit-ingest",
        abstract: "CallAudit's HTTP API: accepts calls, queues them for the workers and serves results and reports.",
        discussion: (IngestConfiguration.settings + ProviderSettings.settings).help,
        version: CallAuditVersion.current)

    func run() async throws {
        let app = try await buildApplication(reader: EnvironmentVariables())
        try await app.runService()
    }
}
