import CallAuditRuntime
import Logging
import Providers
import ServiceLifecycle

/// Publishes this worker's view of the providers every few seconds, for `/ready` and `GET /v1/providers`.
public struct ProviderStatusPublisher: Service {
    let health: ProviderHealth
    let board: ProviderStatusBoard
    let interval: Duration
    let logger: Logger

    /// Creates the publisher.
    public init(health: ProviderHealth, board: ProviderStatusBoard, interval: Duration, logger: Logger) {
        self.health = health
        self.board = board
        self.interval = interval
        self.logger = logger
    }

    /// Publishes until graceful shutdown.
    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await board.publish(await health.snapshot())
            } catch {
                logger.debug("provider status not published", metadata: ["error": "\(error)"])
            }
            // Woken by graceful shutdown: the services after it in the group stop only once it has.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
