/// The pool was closed.
public struct BlockingPoolClosed: Error, CustomStringConvertible {
    public var description: String { "the connection pool is closed" }
}
