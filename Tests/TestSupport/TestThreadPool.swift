import NIOPosix

/// A thread pool for the blocking C calls of tests, large enough that tests running side by side never wait on each
/// other (the shared singleton has one thread per core).
public enum TestThreadPool {
    public static let shared: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 32)
        pool.start()
        return pool
    }()

    /// Runs `body`, which blocks (a child process, a large file), on the shared pool rather than on one of the few
    /// threads every test's async code shares.
    public static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await shared.runIfActive(body)
    }
}
