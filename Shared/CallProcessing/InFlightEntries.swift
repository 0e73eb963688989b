import CallQueue
import Synchronization

/// The entries this worker is working on, for the heartbeat, and how many of them are only being saved (on a
/// finishing slot, their provider slot already handed back), for the free-slots gauge.
public final class InFlightEntries: Sendable {
    /// An empty set.
    public init() {}

    private let entries = Mutex<(all: [String: QueueEntry], finishing: Set<String>)>(([:], []))

    func insert(_ entry: QueueEntry) {
        entries.withLock { $0.all[entry.entryID] = entry }
    }

    /// `entry`'s attempt is over and its slot handed back; it is being saved.
    func markFinishing(_ entry: QueueEntry) {
        entries.withLock { _ = $0.finishing.insert(entry.entryID) }
    }

    func remove(_ entry: QueueEntry) {
        entries.withLock { entries in
            entries.all.removeValue(forKey: entry.entryID)
            entries.finishing.remove(entry.entryID)
        }
    }

    var count: Int {
        entries.withLock { $0.all.count }
    }

    /// Entries still in their attempt, each holding a slot.
    var attempting: Int {
        entries.withLock { $0.all.count - $0.finishing.count }
    }

    var entryIDs: [String] {
        entries.withLock { Array($0.all.keys) }
    }
}
