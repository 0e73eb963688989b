import Synchronization

/// The consumer's slots, a counter like a semaphore's: the fetcher takes every free slot at once (waiting while none
/// is), a call that ends gives its slot back and wakes the fetcher at once, and closing stops the fetcher. The
/// consumer also waits on it for every slot to come back (the in-flight calls to end) when it shuts down.
final class CallSlots: Sendable {
    /// The number of slots: calls in flight at most.
    let capacity: Int
    private let state: Mutex<CallSlotsState>

    /// `capacity` slots, all free.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
        state = Mutex(CallSlotsState(free: self.capacity))
    }

    /// Waits until a slot is free, then takes all free slots and answers how many; answers 0 once the slots are
    /// closed or the waiting task is cancelled.
    func takeFree() async -> Int {
        await waitFor(.free)
        return state.withLock { state in
            guard !state.closed && !Task.isCancelled else { return 0 }
            defer { state.free = 0 }
            return state.free
        }
    }

    /// Waits until every slot is back (or the waiting task is cancelled).
    func waitUntilAllFree() async {
        await waitFor(.allFree)
    }

    /// Gives back `count` slots and wakes whoever waits for them.
    func release(_ count: Int = 1) {
        guard count > 0 else { return }
        let woken = state.withLock { state in
            state.free += count
            return state.wakeable(capacity: capacity)
        }
        woken?.resume()
    }

    /// No more slots are handed out: a waiting or later ``takeFree()`` answers 0.
    func close() {
        let woken = state.withLock { state in
            state.closed = true
            return state.wakeable(capacity: capacity)
        }
        woken?.resume()
    }

    /// Waits until `condition` holds; one waiter at a time (the consumer's loop).
    private func waitFor(_ condition: CallSlotsState.Condition) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    guard !state.holds(condition, capacity: capacity) && !Task.isCancelled else { return true }
                    state.waiter = (condition, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter?.continuation
            }
            waiter?.resume()
        }
    }
}

/// The free slots, whether they are closed, and the one task waiting for a condition on them.
struct CallSlotsState {
    /// What the waiter waits for.
    enum Condition {
        /// At least one slot is free, or the slots are closed.
        case free
        /// Every slot is free.
        case allFree
    }

    var free: Int
    var closed = false
    var waiter: (condition: Condition, continuation: CheckedContinuation<Void, Never>)?

    func holds(_ condition: Condition, capacity: Int) -> Bool {
        switch condition {
        case .free: free > 0 || closed
        case .allFree: free >= capacity
        }
    }

    /// Takes the waiter out when its condition now holds, to be resumed outside the lock.
    mutating func wakeable(capacity: Int) -> CheckedContinuation<Void, Never>? {
        guard let waiter, holds(waiter.condition, capacity: capacity) else { return nil }
        self.waiter = nil
        return waiter.continuation
    }
}
