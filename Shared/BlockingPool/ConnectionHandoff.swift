import Synchronization

/// Hands a pooled connection to the thread-pool thread that uses it. The thread takes it out, so that a connection it
/// drops (broken, or back to a closed pool) is closed on that thread, not wherever the closure that carried it is
/// released.
final class ConnectionHandoff<Connection: Sendable>: Sendable {
    private let connection: Mutex<Connection?>

    init(_ connection: Connection?) {
        self.connection = Mutex(connection)
    }

    func take() -> Connection? {
        connection.withLock { $0.take() }
    }
}
