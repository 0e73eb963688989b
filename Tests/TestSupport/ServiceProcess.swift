import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `callaudit-ingest` or `callaudit-worker` process (or another server) started for a test.
public final class ServiceProcess: @unchecked Sendable {
    // @unchecked: `process` is set once in init; Foundation's Process is safe to signal from any thread.
    public let name: String
    public let logPath: String
    private let process: Process

    /// Starts `executable` (a path, or a product name in `CALLAUDIT_BIN_DIR`) with `environment` added to this one's.
    public init(_ executable: String, arguments: [String] = [], environment: [String: String]) throws {
        name = (executable as NSString).lastPathComponent
        logPath = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString.prefix(8)).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : Self.binary(executable))
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// Where the built products are: `CALLAUDIT_BIN_DIR` (set by scripts/test.sh) or `.build/debug`.
    public static func binary(_ product: String) -> String {
        let directory = ProcessInfo.processInfo.environment["CALLAUDIT_BIN_DIR"] ?? ".build/debug"
        return directory + "/" + product
    }

    public var processIdentifier: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }

    /// Sends a signal (SIGKILL, SIGTERM, SIGSTOP, SIGCONT).
    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Kills the process outright and waits for it to be gone (polling: a blocking wait would hold one of the few
    /// threads every test shares).
    public func kill9() async {
        signal(SIGKILL)
        _ = await waitForExit(timeout: .seconds(10))
    }

    /// Waits up to `timeout` for the process to exit; answers its exit status, or `nil` if it still runs.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The last lines the process printed, for failure messages.
    public func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
