/// The mutable part of a pool.
struct PoolState<Connection> {
    var idle: [Connection] = []
    var open = 0
    /// Callers waiting for a connection, first come first served; each has an id so that it can leave the line when
    /// its task is cancelled or its wait times out.
    var waiters: [(id: UInt64, continuation: CheckedContinuation<Connection?, any Error>)] = []
    var nextWaiterID: UInt64 = 0
    var closed = false

    /// What a caller may do at once: use an idle connection, open one (`maxConnections` not reached) or fail (closed);
    /// `.wait` when every connection is busy. No caller waits while a connection is idle or a slot free, so taking
    /// one here never passes a waiter.
    mutating func decide(maxConnections: Int) -> AcquireDecision<Connection> {
        if closed { return .fail(BlockingPoolClosed()) }
        if let connection = idle.popLast() { return .use(connection) }
        if open < maxConnections {
            open += 1
            return .open
        }
        return .wait
    }

    /// Takes the waiter `id` out of the line, if it is still in it.
    mutating func removeWaiter(_ id: UInt64) -> CheckedContinuation<Connection?, any Error>? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).continuation
    }
}
