import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// A Hummingbird server on a loopback port of the system's choosing, for the duration of a test's `body`.
public enum LoopbackServer {
    /// Runs `router` (with `server`, for a WebSocket upgrade) until `body`, given the port, returns or throws.
    public static func run<Routes: HTTPResponderBuilder>(
        _ router: Routes, server: HTTPServerBuilder = .http1(), host: String = "127.0.0.1",
        _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws where Routes.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "loopback-server")
        quiet.logLevel = .critical
        let app = Application(
            router: router, server: server, configuration: .init(address: .hostname(host, port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: quiet)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { return }
            do {
                try await body(port)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }
}
