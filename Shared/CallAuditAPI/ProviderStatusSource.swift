import CallAuditRuntime
import Providers

/// Where the API reads the providers' state as the workers last published it.
public protocol ProviderStatusSource: Sendable {
    /// The providers, or none when no worker has published yet.
    func read() async throws -> [ProviderStatus]
}

extension ProviderStatusBoard: ProviderStatusSource {}
