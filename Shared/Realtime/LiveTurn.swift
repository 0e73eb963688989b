/// One turn of a live call's transcript: what the realtime provider recognized between two pauses.
public struct LiveTurn: Sendable, Equatable {
    /// The provider's id of the turn.
    public var id: String
    /// The recognized text.
    public var text: String
    /// Where it starts, in seconds into the call (when the provider's VAD said).
    public var start: Double?
    /// Where it ends, in seconds into the call.
    public var end: Double?

    /// Creates a turn.
    public init(id: String, text: String, start: Double?, end: Double?) {
        self.id = id
        self.text = text
        self.start = start
        self.end = end
    }
}
