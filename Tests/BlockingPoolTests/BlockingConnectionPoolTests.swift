import BlockingPool
import Foundation
import Synchronization
import Testing
import TestSupport

/// A connection with nothing behind it: the pool's bookkeeping is what is tested.
final class IdleConnection: BlockingConnection {
    let isBroken = false
}

@Suite("A blocking pool's waiters: bounded, cancellable, served in order")
struct BlockingConnectionPoolTests {
    /// A pool of one connection, busy for `seconds` on another task.
    static func busyPool(acquireTimeout: Duration, busyFor seconds: Double) async throws
        -> (BlockingConnectionPool<IdleConnection>, Task<Void, any Error>)
    {
        let pool = BlockingConnectionPool(
            maxConnections: 1, acquireTimeout: acquireTimeout, threadPool: TestThreadPool.shared
        ) { IdleConnection() }
        let started = AsyncStream.makeStream(of: Void.self)
        let holder = Task {
            try await pool.withConnection { _ in
                started.continuation.yield()
                Thread.sleep(forTimeInterval: seconds)
            }
        }
        var iterator = started.stream.makeAsyncIterator()
        _ = await iterator.next()
        return (pool, holder)
    }

    @Test("a caller that finds every connection busy gives up after the wait limit with BlockingPoolTimeout")
    func waitTimesOut() async throws {
        let (pool, holder) = try await Self.busyPool(acquireTimeout: .milliseconds(100), busyFor: 2)
        let error = await #expect(throws: BlockingPoolTimeout.self) { try await pool.withConnection { _ in 1 } }
        #expect(error?.waited == .milliseconds(100))
        try await holder.value
        #expect(try await pool.withConnection { _ in 2 } == 2, "the pool serves again once the connection is back")
    }

    @Test("a waiting caller whose task is cancelled leaves the line with CancellationError, before the connection frees")
    func cancelledWaiterLeaves() async throws {
        let (pool, holder) = try await Self.busyPool(acquireTimeout: .seconds(60), busyFor: 1)
        let waiter = Task { try await pool.withConnection { _ in 1 } }
        try await Task.sleep(for: .milliseconds(50))
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(holder.isCancelled == false)
        try await holder.value
        #expect(try await pool.withConnection { _ in 3 } == 3)
    }

    @Test("waiters are served in order as connections come back")
    func servedInOrder() async throws {
        let (pool, holder) = try await Self.busyPool(acquireTimeout: .seconds(60), busyFor: 0.3)
        let order = OrderLog()
        var waiters: [Task<Void, any Error>] = []
        for number in 1...3 {
            waiters.append(Task { try await pool.withConnection { _ in order.append(number) } })
            try await Task.sleep(for: .milliseconds(30))
        }
        try await holder.value
        for waiter in waiters { try await waiter.value }
        #expect(order.values == [1, 2, 3])
    }
}

/// Numbers appended from pool threads.
final class OrderLog: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ number: Int) { storage.withLock { $0.append(number) } }
    var values: [Int] { storage.withLock { $0 } }
}
