import Synchronization

/// The number of deliveries under way, read by the claiming loop and changed by the attempts' tasks.
final class InFlightCount: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func add(_ delta: Int) {
        count.withLock { $0 += delta }
    }
}
