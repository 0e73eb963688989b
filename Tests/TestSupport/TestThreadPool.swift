import NIOPosix

/// A thread pool for the blocking C calls of tests, large enough that tests running side by side never wait on each
/// other (the shared singleton has one thread per core).
public enum TestThreadPool {
    public static let shared: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 32)
        pool.start()
        return pool
    }()
}
