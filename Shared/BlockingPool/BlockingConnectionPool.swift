import NIOPosix
import Synchronization

/// A pool of at most `maxConnections` blocking connections, opened lazily, whose every use runs on a dedicated
/// `NIOThreadPool` thread so that no C call ever blocks Swift's cooperative pool.
///
/// Callers that find every connection busy wait, in order, without polling, for at most `acquireTimeout`
/// (``BlockingPoolTimeout``); a cancelled caller leaves the line at once (`CancellationError`). A broken connection is
/// dropped and the next use opens a new one, so the pool recovers by itself after the server restarts.
public final class BlockingConnectionPool<Connection: BlockingConnection>: Sendable {
    private let maxConnections: Int
    private let acquireTimeout: Duration
    private let threadPool: NIOThreadPool
    private let connect: @Sendable () throws -> Connection
    private let state: Mutex<PoolState<Connection>>

    /// Creates a pool; `connect` opens one connection (it runs on the thread pool).
    public init(
        maxConnections: Int, acquireTimeout: Duration = .seconds(60), threadPool: NIOThreadPool,
        connect: @escaping @Sendable () throws -> Connection
    ) {
        self.maxConnections = max(1, maxConnections)
        self.acquireTimeout = acquireTimeout
        self.threadPool = threadPool
        self.connect = connect
        self.state = Mutex(PoolState())
    }

    /// Runs `body` with a connection on a thread-pool thread and returns the connection to the pool.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let lease = try await acquire()
        let connect = self.connect
        let outcome: Lease<Connection, T>
        do {
            outcome = try await threadPool.runIfActive {
                let connection: Connection
                do {
                    connection = try lease ?? connect()
                } catch {
                    return Lease(connection: nil, result: .failure(error))
                }
                return Lease(connection: connection, result: Result { try body(connection) })
            }
        } catch {
            release(nil)
            throw error
        }
        release(outcome.connection)
        return try outcome.result.get()
    }

    /// Drops the idle connections and refuses further use; connections in use are dropped when they come back.
    public func close() {
        let waiters = state.withLock { state -> [CheckedContinuation<Connection?, any Error>] in
            state.closed = true
            state.idle.removeAll()
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(throwing: BlockingPoolClosed()) }
    }

    /// A connection to use, or `nil` when the caller may open a new one.
    private func acquire() async throws -> Connection? {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        let timeout = acquireTimeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            self?.leaveLine(id, throwing: BlockingPoolTimeout(waited: timeout))
        }
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let decision = state.withLock { state -> AcquireDecision<Connection> in
                    if state.closed { return .fail(BlockingPoolClosed()) }
                    if let connection = state.idle.popLast() { return .use(connection) }
                    if state.open < maxConnections {
                        state.open += 1
                        return .open
                    }
                    // Checked under the lock that the cancellation handler takes too: either it finds this waiter in
                    // the line, or the waiter sees the cancellation here.
                    if Task.isCancelled { return .fail(CancellationError()) }
                    state.waiters.append((id, continuation))
                    return .wait
                }
                switch decision {
                case .use(let connection): continuation.resume(returning: connection)
                case .open: continuation.resume(returning: nil)
                case .fail(let error): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            leaveLine(id, throwing: CancellationError())
        }
    }

    /// Takes a waiting caller out of the line with `error`; nothing happens when it was served already.
    private func leaveLine(_ id: UInt64, throwing error: any Error) {
        state.withLock { $0.removeWaiter(id) }?.resume(throwing: error)
    }

    /// Gives a connection back, or (for `nil` or a broken one) its slot.
    private func release(_ connection: Connection?) {
        let usable = connection.flatMap { $0.isBroken ? nil : $0 }
        let handOff = state.withLock { state -> (CheckedContinuation<Connection?, any Error>, Connection?)? in
            guard !state.closed else {
                state.open -= 1
                return nil
            }
            if !state.waiters.isEmpty {
                return (state.waiters.removeFirst().continuation, usable)
            }
            if let usable { state.idle.append(usable) } else { state.open -= 1 }
            return nil
        }
        if let (waiter, connection) = handOff { waiter.resume(returning: connection) }
    }
}
