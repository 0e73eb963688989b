/// How much work the queue holds, for `/metrics` and benchmarks.
public struct QueueStats: Sendable, Equatable, Codable {
    /// Entries in the stream (delivered or not, until trimmed).
    public var streamLength: Int
    /// Entries delivered and not yet acked.
    public var pending: Int
    /// Entries not yet delivered to the group.
    public var lag: Int
    /// Calls waiting for a retry.
    public var delayed: Int
    /// Dead letters.
    public var deadLetters: Int

    enum CodingKeys: String, CodingKey {
        case streamLength = "stream_length"
        case pending, lag, delayed
        case deadLetters = "dead_letters"
    }
}
