/// A piece of a recording ready to send: within the provider's size limit, one channel when the recording was
/// split by channel, and where it starts in the whole recording.
public struct AudioClip: Sendable {
    /// The encoded audio.
    public var bytes: [UInt8]
    /// Its container format.
    public var format: AudioFormat
    /// Seconds from the start of the recording to the start of this clip.
    public var offset: Double
    /// Its length in seconds, when the container tells it.
    public var duration: Double?
    /// The speaker of every word in the clip, when the recording was split by channel (`channel 1`, `channel 2`).
    public var speaker: String?

    /// Creates a clip.
    public init(bytes: [UInt8], format: AudioFormat, offset: Double = 0, duration: Double? = nil, speaker: String? = nil) {
        self.bytes = bytes
        self.format = format
        self.offset = offset
        self.duration = duration
        self.speaker = speaker
    }

    /// A file name with the extension providers go by.
    public var filename: String { "audio.\(format.rawValue)" }
}
