/// A connection whose calls block (a C client handle), used by one thread at a time through a ``BlockingConnectionPool``.
///
/// Conforming types are `@unchecked Sendable` classes: the pool hands a connection to exactly one thread-pool thread
/// at a time, so its handle is never used concurrently.
public protocol BlockingConnection: AnyObject, Sendable {
    /// `true` once the connection cannot be used again (an I/O error); the pool then drops it and opens another.
    var isBroken: Bool { get }
}
