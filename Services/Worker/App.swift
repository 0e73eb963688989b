import ArgumentParser
import CallAuditCore
import CallProcessing
import ServiceLifecycle

/// `callaudit-worker`: takes calls from the Redis stream, runs the pipeline and stores the results in PostgreSQL.
/// Run as many processes as needed; they share one consumer group.
@main
struct App: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callaudit-worker",
        abstract: "CallAudit's worker: transcribes and analyzes queued calls and stores their results.",
        discussion: WorkerConfiguration.settings.help,
        version: CallAuditVersion.current)

    func run() async throws {
        let group = try await buildServiceGroup(reader: EnvironmentVariables())
        try await group.run()
    }
}
