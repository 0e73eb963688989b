/// The free slots, whether they are closed, and the one task waiting for a condition on them.
struct WorkSlotsState {
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
