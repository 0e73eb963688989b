import Foundation
import Testing
import TestSupport

/// Both binaries as an operator meets them: `--help`, `--version`, and a setting they cannot use.
@Suite("Command line: help, version and a wrong setting")
struct CommandLineTests {
    static let binaries = ["callaudit-ingest", "callaudit-worker"]

    /// Runs a binary to its end and answers its exit status and output.
    static func run(_ binary: String, _ arguments: [String] = [], environment: [String: String] = [:]) async throws
        -> (status: Int32, output: String)
    {
        let process = try ServiceProcess(binary, arguments: arguments, environment: environment)
        let status = try #require(await process.waitForExit(timeout: .seconds(60)), "\(binary) did not exit")
        return (status, (try? String(contentsOfFile: process.logPath, encoding: .utf8)) ?? "")
    }

    @Test("--help lists every variable with its default; --version prints the version", arguments: binaries)
    func helpAndVersion(binary: String) async throws {
        let help = try await Self.run(binary, ["--help"])
        #expect(help.status == 0)
        for variable in ["DATABASE_URL", "REDIS_URL", "QUEUE_PREFIX", "LOG_LEVEL"] {
            #expect(help.output.contains(variable), "\(variable)")
        }
        #expect(help.output.contains("default:"))
        let specific = binary == "callaudit-ingest" ? ["PORT", "API_KEYS", "ADMIN_API_KEYS"]
            : ["WORKER_CONCURRENCY", "WORKER_SHUTDOWN_GRACE_SECONDS", "OPENAI_API_KEY", "PROVIDERS"]
        for variable in specific { #expect(help.output.contains(variable), "\(variable)") }
        let version = try await Self.run(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test("a malformed setting ends the process at once, non-zero, with one line naming the variable and no trace",
          arguments: [
            ("callaudit-ingest", ["DATABASE_URL": "postgres://u:hunter2@db:notaport/x"], "DATABASE_URL"),
            ("callaudit-worker", ["REDIS_URL": "http://cache:6379"], "REDIS_URL"),
            ("callaudit-worker", ["WORKER_CONCURRENCY": "many"], "WORKER_CONCURRENCY"),
            ("callaudit-ingest", ["PORT": "eighty"], "PORT"),
          ])
    func wrongSetting(binary: String, environment: [String: String], variable: String) async throws {
        let result = try await Self.run(binary, environment: environment)
        #expect(result.status != 0)
        let lines = result.output.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "one line, so no retry either: \(result.output)")
        #expect(lines.first?.contains(variable) == true, "\(result.output)")
        #expect(!result.output.contains("Fatal error") && !result.output.contains("hunter2"))
    }
}
