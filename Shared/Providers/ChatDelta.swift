/// What a streamed chat answer brings as it arrives.
public enum ChatDelta: Sendable, Equatable {
    /// The next piece of the answer's text.
    case text(String)
    /// The tokens the answer took, as the provider counted them (the stream's last event).
    case usage(inputTokens: Int, outputTokens: Int)
}
