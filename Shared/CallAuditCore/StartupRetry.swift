import Logging

/// Retries a start-up step (connecting, migrating) while its dependency comes up, so the services can start in any order.
public enum StartupRetry {
    /// Runs `step` until it succeeds or `attempts` tries failed, waiting `pause` between tries; rethrows the last error.
    public static func run<T: Sendable>(
        _ name: String, attempts: Int = 30, pause: Duration = .seconds(1), logger: Logger,
        _ step: @Sendable () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await step()
            } catch {
                guard attempt < attempts else { throw error }
                logger.warning("start-up step failed; retrying", metadata: [
                    "step": "\(name)", "attempt": "\(attempt)", "error": "\(error)",
                ])
                attempt += 1
                try await Task.sleep(for: pause)
            }
        }
    }
}
