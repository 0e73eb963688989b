import CallQueue
import Synchronization

/// The entries this worker holds, for the heartbeat: claimed calls waiting for a slot (the read-ahead), calls in their
/// attempt, and calls only being saved (on a finishing slot, their slot already handed back); and how many are in
/// their attempt, for the free-slots gauge.
public final class InFlightEntries: Sendable {
    /// An empty set.
    public init() {}

    private struct State {
        var all: [String: QueueEntry] = [:]
        var waiting: Set<String> = []
        var finishing: Set<String> = []
    }

    private let state = Mutex(State())

    /// A claimed call waiting for a slot.
    func insertWaiting(_ entry: QueueEntry) {
        state.withLock { state in
            state.all[entry.entryID] = entry
            state.waiting.insert(entry.entryID)
        }
    }

    /// `entry`'s call has a slot and starts its attempt.
    func markStarted(_ entry: QueueEntry) {
        state.withLock { _ = $0.waiting.remove(entry.entryID) }
    }

    /// `entry`'s attempt is over and its slot handed back; it is being saved.
    func markFinishing(_ entry: QueueEntry) {
        state.withLock { _ = $0.finishing.insert(entry.entryID) }
    }

    func remove(_ entry: QueueEntry) {
        state.withLock { state in
            state.all.removeValue(forKey: entry.entryID)
            state.waiting.remove(entry.entryID)
            state.finishing.remove(entry.entryID)
        }
    }

    var count: Int {
        state.withLock { $0.all.count }
    }

    /// Claimed calls that never got a slot.
    var waiting: Int {
        state.withLock { $0.waiting.count }
    }

    /// Entries whose call got a slot: in their attempt or being saved.
    var started: Int {
        state.withLock { $0.all.count - $0.waiting.count }
    }

    /// Entries in their attempt, each holding a slot.
    var attempting: Int {
        state.withLock { $0.all.count - $0.waiting.count - $0.finishing.count }
    }

    var entryIDs: [String] {
        state.withLock { Array($0.all.keys) }
    }
}
