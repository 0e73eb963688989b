import FailurePolicy
import Logging

/// Retries a start-up step (connecting, migrating) while its dependency comes up, so the services can start in any order.
public enum StartupRetry {
    /// How long to wait between tries: from half a second, doubling, up to five seconds (about two minutes in all).
    public static let backoff = Backoff(base: .milliseconds(500), maximum: .seconds(5), jitter: 0.9...1.1)

    /// Runs `step` until it succeeds or `attempts` tries failed, with a warning per failed try; rethrows the last error.
    public static func run<T: Sendable>(
        _ name: String, attempts: Int = 30, backoff: Backoff = backoff, logger: Logger,
        _ step: @Sendable () async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await step()
            } catch {
                guard attempt < attempts else { throw error }
                logger.warning("start-up step failed; retrying", metadata: [
                    "step": "\(name)", "attempt": "\(attempt)", "of": "\(attempts)", "error": "\(error)",
                ])
                try await Task.sleep(for: backoff.delay(attempt: attempt))
                attempt += 1
            }
        }
    }
}
