import ArgumentParser
import CallAuditCore
import CallProcessing
import Callbacks
import ServiceLifecycle

/// `callaudit-worker`: takes calls from the Redis stream, runs the pipeline and stores the results in PostgreSQL;
/// delivers the events of ended calls to the CRM.
/// Run as many processes as needed; they share one consumer group.
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callaudit-worker",
        abstract: "CallAudit's worker: transcribes and analyzes queued calls and stores their results.",
        discussion: (WorkerConfiguration.settings + CallbackSettings.settings).help,
        version: CallAuditVersion.current)

    func run() async throws {
        let group = try await buildServiceGroup(reader: EnvironmentVariables())
        try await group.run()
    }
}
