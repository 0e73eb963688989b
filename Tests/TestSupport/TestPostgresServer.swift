import Foundation

/// A PostgreSQL server of a test's own, for tests that stop and restart it without disturbing other tests. It runs
/// as `postgres` when the tests run as root (PostgreSQL refuses root), on a free loopback port.
public final class TestPostgresServer: Sendable {
    public let port: Int
    let directory: String
    static let binaries = "/usr/lib/postgresql/15/bin"

    /// Creates a cluster in a folder of its own and starts it.
    public init() async throws {
        port = FreePort.next()
        directory = "/var/tmp/callaudit-test-pg-\(port)-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try await Self.run("/usr/bin/chown", ["postgres", directory], asPostgres: false) }
        try await Self.run("\(Self.binaries)/initdb", ["-D", directory, "-A", "trust", "-U", "postgres", "--no-sync"])
        try await start()
    }

    /// `postgres://postgres@127.0.0.1:<port>/postgres`.
    public var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres" }

    /// Starts the server and waits until it accepts connections.
    public func start() async throws {
        try await Self.run("\(Self.binaries)/pg_ctl", [
            "-D", directory, "-w", "-t", "60", "-l", directory + "/server.log", "start",
            "-o", "-p \(port) -c listen_addresses=127.0.0.1 -k \(directory) -c fsync=off",
        ])
    }

    /// Stops the server at once (`-m immediate`: like a crash, open connections are cut).
    public func stop() async throws {
        try await Self.run("\(Self.binaries)/pg_ctl", ["-D", directory, "-m", "immediate", "-w", "stop"])
    }

    /// Stops the server if it runs and deletes its folder.
    public func remove() async {
        try? await stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func run(_ executable: String, _ arguments: [String], asPostgres: Bool = true) async throws {
        let status = asPostgres && getuid() == 0
            ? try await ChildProcess.run("/usr/sbin/runuser", ["-u", "postgres", "--", executable] + arguments)
            : try await ChildProcess.run(executable, arguments)
        guard status == 0 else {
            throw TestSupportError("\((executable as NSString).lastPathComponent) \(arguments.last ?? "") failed (\(status))")
        }
    }
}
