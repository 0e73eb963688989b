/// One turn of the conversation: who said what, and when when the times are known.
public struct Segment: Codable, Sendable, Equatable {
    /// The role of the speaker.
    public var role: SpeakerRole
    /// The speaker label as the source gave it ("Клиент", "SPEAKER_1", "left channel"), if any.
    public var speaker: String?
    /// What was said.
    public var text: String
    /// Start in seconds from the beginning of the recording, when known.
    public var start: Double?
    /// End in seconds from the beginning of the recording, when known.
    public var end: Double?

    /// Creates a segment.
    public init(role: SpeakerRole, speaker: String? = nil, text: String, start: Double? = nil, end: Double? = nil) {
        self.role = role
        self.speaker = speaker
        self.text = text
        self.start = start
        self.end = end
    }
}
