import Synchronization

/// Slots of work in flight, a counter like a semaphore's: the one loop that hands them out takes every free slot at
/// once (waiting while none is), work that ends gives its slot back and wakes that loop at once, and closing stops it.
/// The worker's consumer holds a slot per call (and waits on them for every call to end when it shuts down) and a
/// claim per call claimed and not yet handed back (its fetcher takes those), the callback dispatcher a slot per
/// delivery.
public final class WorkSlots: Sendable {
    /// The number of slots: how much work may be in flight at most.
    public let capacity: Int
    private let state: Mutex<WorkSlotsState>

    /// `capacity` slots, all free.
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        state = Mutex(WorkSlotsState(free: self.capacity))
    }

    /// Waits until a slot is free, then takes all free slots and answers how many; answers 0 once the slots are
    /// closed or the waiting task is cancelled.
    public func takeFree() async -> Int {
        await waitFor(.free)
        return state.withLock { state in
            guard !state.closed && !Task.isCancelled else { return 0 }
            defer { state.free = 0 }
            return state.free
        }
    }

    /// Takes one free slot if there is one, without waiting (and none once the slots are closed); answers whether it
    /// did.
    public func tryTake() -> Bool {
        state.withLock { state in
            guard state.free > 0 && !state.closed else { return false }
            state.free -= 1
            return true
        }
    }

    /// Whether ``close()`` was called.
    public var isClosed: Bool {
        state.withLock { $0.closed }
    }

    /// Waits until every slot is back (or the waiting task is cancelled).
    public func waitUntilAllFree() async {
        await waitFor(.allFree)
    }

    /// Gives back `count` slots and wakes whoever waits for them.
    public func release(_ count: Int = 1) {
        guard count > 0 else { return }
        let woken = state.withLock { state in
            state.free += count
            return state.wakeable(capacity: capacity)
        }
        woken?.resume()
    }

    /// No more slots are handed out: a waiting or later ``takeFree()`` answers 0.
    public func close() {
        let woken = state.withLock { state in
            state.closed = true
            return state.wakeable(capacity: capacity)
        }
        woken?.resume()
    }

    /// Waits until `condition` holds; one waiter at a time (the loop that hands the slots out).
    private func waitFor(_ condition: WorkSlotsState.Condition) async {
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
