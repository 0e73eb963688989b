/// What a live session's realtime transcription came to when the call ended.
public struct RealtimeOutcome: Sendable {
    /// The turns in the order they were spoken.
    public var turns: [LiveTurn]
    /// Whether every turn of the call's audio was transcribed: no audio lost to a dropped connection, no turn failed
    /// or left unanswered. When not, the batch chain transcribes the call.
    public var complete: Bool
    /// Why it is not complete.
    public var gap: String?
    /// Tokens the provider billed for the transcription.
    public var inputTokens: Int
    /// Tokens of text the provider billed.
    public var outputTokens: Int
    /// Seconds of audio the provider billed (providers that bill by duration).
    public var audioSeconds: Double
    /// How many connections the session opened (1 without drops).
    public var connections: Int
}
