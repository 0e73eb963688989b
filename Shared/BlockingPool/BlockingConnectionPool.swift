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
        let handoff = ConnectionHandoff(try await acquire())
        let connect = self.connect
        let outcome: Lease<Connection, T>
        do {
            outcome = try await threadPool.runIfActive {
                let connection: Connection
                do {
                    connection = try handoff.take() ?? connect()
                } catch {
                    return Lease(connection: nil, result: .failure(error))
                }
                let result = Result { try body(connection) }
                // A broken connection, or one coming back to a closed pool, is closed here, on the thread pool: closing
                // is a C call too.
                let keep = !connection.isBroken && !self.state.withLock { $0.closed }
                return Lease(connection: keep ? connection : nil, result: result)
            }
        } catch {
            release(nil)
            throw error
        }
        release(outcome.connection)
        return try outcome.result.get()
    }

    /// Closes the idle connections (on the thread pool) and refuses further use; connections in use are closed when
    /// they come back.
    public func close() async {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(throwing: BlockingPoolClosed()) }
        // Closing is a C call too: the last reference to each idle connection ends on a thread-pool thread.
        try? await threadPool.runIfActive { _ = self.takeIdle() }
        _ = takeIdle() // the thread pool had stopped
    }

    private func takeIdle() -> [Connection] {
        state.withLock { state in
            defer { state.idle.removeAll() }
            return state.idle
        }
    }

    /// A connection to use, or `nil` when the caller may open a new one. Only a caller that finds every connection busy
    /// pays for a wait: a continuation in the line and a timer task.
    private func acquire() async throws -> Connection? {
        switch state.withLock({ $0.decide(maxConnections: maxConnections) }) {
        case .use(let connection): return connection
        case .open: return nil
        case .fail(let error): throw error
        case .wait: return try await waitInLine()
        }
    }

    /// Waits, in order, for a connection or a free slot, at most `acquireTimeout`.
    private func waitInLine() async throws -> Connection? {
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
                    let decision = state.decide(maxConnections: maxConnections)
                    guard case .wait = decision else { return decision }
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
