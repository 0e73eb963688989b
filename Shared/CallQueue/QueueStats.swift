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
    /// How long the oldest entry not yet delivered has waited, from its stream id's time; 0 when none waits.
    public var oldestWaitingMilliseconds: Int

    enum CodingKeys: String, CodingKey {
        case streamLength = "stream_length"
        case pending, lag, delayed
        case deadLetters = "dead_letters"
        case oldestWaitingMilliseconds = "oldest_waiting_ms"
    }
}
