/// What a live session hears from its realtime transcription, to pass on to the client.
public enum RealtimeUpdate: Sendable, Equatable {
    /// A piece of the transcript of the turn `turnID`, as it is recognized.
    case delta(turnID: String, text: String)
    /// A turn whose transcript is complete.
    case turn(LiveTurn)
    /// The provider heard speech begin (seconds into the call).
    case speechStarted(at: Double)
    /// The provider heard speech end (seconds into the call).
    case speechStopped(at: Double)
    /// The provider reported an error (its message).
    case providerError(String)
    /// The connection dropped; it is being reopened (attempt number), and the audio since the last turn is kept.
    case reconnecting(attempt: Int)
    /// The live transcript is given up (why): the batch chain transcribes the call when it ends.
    case interrupted(String)
}
