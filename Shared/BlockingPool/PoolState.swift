/// The mutable part of a pool.
struct PoolState<Connection> {
    var idle: [Connection] = []
    var open = 0
    var waiters: [CheckedContinuation<Connection?, any Error>] = []
    var closed = false
}
