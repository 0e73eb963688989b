import CallQueue
import Synchronization

/// The entries this worker is working on, for the heartbeat.
public final class InFlightEntries: Sendable {
    /// An empty set.
    public init() {}

    private let entries = Mutex<[String: QueueEntry]>([:])

    func insert(_ entry: QueueEntry) {
        entries.withLock { $0[entry.entryID] = entry }
    }

    func remove(_ entry: QueueEntry) {
        entries.withLock { _ = $0.removeValue(forKey: entry.entryID) }
    }

    var count: Int {
        entries.withLock { $0.count }
    }

    var entryIDs: [String] {
        entries.withLock { Array($0.keys) }
    }
}
