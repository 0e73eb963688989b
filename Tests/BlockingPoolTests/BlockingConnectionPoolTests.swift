import BlockingPool
import Foundation
import Dispatch
import NIOPosix
import Synchronization
import Testing
import TestSupport

/// A connection with nothing behind it: the pool's bookkeeping is what is tested.
final class IdleConnection: BlockingConnection {
    let isBroken = false
}

/// A connection that notes the name of the thread its last reference ends on (where a real one's C handle is closed).
final class ClosingConnection: BlockingConnection {
    static let closedOn = Mutex<[String]>([])
    let broken: Mutex<Bool> = Mutex(false)
    var isBroken: Bool { broken.withLock { $0 } }

    deinit {
        let thread = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "unknown"
        Self.closedOn.withLock { $0.append(thread.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
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
        let (holder, release) = await hold(pool)
        return (pool, holder, release)
    }

    /// A task holding one of `pool`'s connections, once it has it, until `release` is signalled.
    static func hold<Connection>(_ pool: BlockingConnectionPool<Connection>) async
        -> (holder: Task<Void, any Error>, release: DispatchSemaphore)
    {
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
        return (holder, release)
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

    @Test("connections are closed on the thread pool, never on the threads async code shares: a broken one, idle ones at close, one in use after it")
    func closesOnThePool() async throws {
        let threads = NIOThreadPool(numberOfThreads: 2)
        threads.start()
        let pool = BlockingConnectionPool(maxConnections: 2, threadPool: threads) { ClosingConnection() }
        try await pool.withConnection { connection in connection.broken.withLock { $0 = true } }
        async let first: Void = pool.withConnection { _ in usleep(50_000) }
        async let second: Void = pool.withConnection { _ in usleep(50_000) }
        _ = try await (first, second)
        let (inUse, release) = await Self.hold(pool)
        await pool.close()
        release.signal()
        try await inUse.value
        try await threads.shutdownGracefully()
        let closedOn = ClosingConnection.closedOn.withLock { $0 }
        #expect(closedOn.count == 3, "the broken connection, the idle one and the one in use")
        #expect(closedOn.allSatisfy { $0.hasPrefix("TP-") }, "closed on \(closedOn)")
        await #expect(throws: BlockingPoolClosed.self) { try await pool.withConnection { _ in 1 } }
    }
}
