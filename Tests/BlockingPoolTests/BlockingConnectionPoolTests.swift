import BlockingPool
import Foundation
import Dispatch
import Testing
import TestSupport

/// A connection with nothing behind it: the pool's bookkeeping is what is tested.
final class IdleConnection: BlockingConnection {
    let isBroken = false
}

@Suite("A blocking pool's waiters: bounded, cancellable, served in order")
struct BlockingConnectionPoolTests {
    /// A pool of one connection, held by another task until `release` is signalled.
    static func busyPool(acquireTimeout: Duration) async throws
        -> (pool: BlockingConnectionPool<IdleConnection>, holder: Task<Void, any Error>, release: DispatchSemaphore)
    {
        let pool = BlockingConnectionPool(
            maxConnections: 1, acquireTimeout: acquireTimeout, threadPool: TestThreadPool.shared
        ) { IdleConnection() }
        let release = DispatchSemaphore(value: 0)
        let started = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await pool.withConnection { _ in
                started.continuation.yield()
                release.wait()
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        _ = await iterator.next()
        return (pool, holder, release)
    }

    @Test("a caller that finds every connection busy gives up after the wait limit with BlockingPoolTimeout")
    func waitTimesOut() async throws {
        let (pool, holder, release) = try await Self.busyPool(acquireTimeout: .milliseconds(100))
        let error = await #expect(throws: BlockingPoolTimeout.self) { try await pool.withConnection { _ in 1 } }
        #expect(error?.waited == .milliseconds(100))
        release.signal()
        try await holder.value
        #expect(try await pool.withConnection { _ in 2 } == 2, "the pool serves again once the connection is back")
    }

    @Test("a waiting caller whose task is cancelled leaves the line with CancellationError while the connection is busy")
    func cancelledWaiterLeaves() async throws {
        let (pool, holder, release) = try await Self.busyPool(acquireTimeout: .seconds(3600))
        let waiter = Task { try await pool.withConnection { _ in 1 } }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        release.signal()
        try await holder.value
        #expect(try await pool.withConnection { _ in 3 } == 3)
    }
}

