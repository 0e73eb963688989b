import Foundation

/// A Redis server of a test's own, for tests that flush or restart Redis without disturbing other tests.
public final class TestRedisServer: Sendable {
    public let port: Int
    private let directory: String
    private let server: ServiceProcess

    /// Starts `redis-server` on a free loopback port with an empty data folder and waits until it answers.
    public convenience init() async throws {
        let port = FreePort.next()
        let directory = NSTemporaryDirectory() + "redis-\(port)-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try await self.init(port: port, directory: directory)
    }

    /// Runs `body` with a server of its own, stopped afterwards whether `body` throws or not.
    public static func with(_ body: (TestRedisServer) async throws -> Void) async throws {
        let server = try await TestRedisServer()
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    init(port: Int, directory: String) async throws {
        self.port = port
        self.directory = directory
        server = try Self.start(port: port, directory: directory)
        try await Self.waitUntilReady(port: port)
    }

    /// A new server on the same port after ``stop()`` (without data: this server keeps none).
    public func restarted() async throws -> TestRedisServer {
        try await TestRedisServer(port: port, directory: directory)
    }

    public var url: String { "redis://127.0.0.1:\(port)/0" }

    /// Stops the server.
    public func stop() async {
        await server.kill9()
    }

    static func start(port: Int, directory: String) throws -> ServiceProcess {
        try ServiceProcess(
            "/usr/bin/redis-server",
            arguments: ["--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"],
            environment: [:])
    }

    static func waitUntilReady(port: Int) async throws {
        for _ in 0..<100 {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
            probe.arguments = ["-p", String(port), "ping"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            while probe.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            if probe.terminationStatus == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestSupportError("redis-server on port \(port) did not start")
    }
}
