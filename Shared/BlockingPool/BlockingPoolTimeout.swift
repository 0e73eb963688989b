/// Every connection stayed busy for the pool's whole wait limit.
public struct BlockingPoolTimeout: Error, CustomStringConvertible {
    /// How long the caller waited.
    public var waited: Duration

    public var description: String { "no connection became free within \(waited)" }
}
