import ServiceLifecycle

/// A service that closes the clients once graceful shutdown begins. Listed first in a service group, it is shut down
/// last (services stop in reverse order), after everything that uses the clients has stopped.
public struct ServiceClientsCloser: Service {
    let clients: ServiceClients

    /// Creates the closer.
    public init(_ clients: ServiceClients) {
        self.clients = clients
    }

    /// Waits for graceful shutdown, then closes the clients.
    public func run() async throws {
        try? await gracefulShutdown()
        try await clients.close()
    }
}
