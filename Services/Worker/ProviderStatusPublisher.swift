import CallAuditRuntime
import Logging
import Providers
import ServiceLifecycle

/// Publishes this worker's view of the providers every few seconds, for `/ready` and `GET /v1/providers`.
struct ProviderStatusPublisher: Service {
    let health: ProviderHealth
    let board: ProviderStatusBoard
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await board.publish(await health.snapshot())
            } catch {
                logger.debug("provider status not published", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
