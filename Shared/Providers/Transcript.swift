import Audio
import CallAuditCore

/// What a transcription provider heard: segments with times and, where the model tells them, speakers.
public struct Transcript: Codable, Sendable, Equatable {
    /// The segments in time order; roles are still unknown.
    public var segments: [Segment]
    /// ISO 639-1 code, when the provider detected it.
    public var language: String?
    /// Seconds of audio, when known.
    public var duration: Double?

    /// Creates a transcript.
    public init(segments: [Segment], language: String? = nil, duration: Double? = nil) {
        self.segments = segments
        self.language = language
        self.duration = duration
    }

    /// Clips transcribed one by one, put back together on the recording's time line.
    public static func merged(_ parts: [(clip: AudioClip, transcript: Transcript)]) -> Transcript {
        let segments = parts.flatMap { part in
            part.transcript.segments.map { segment in
                var segment = segment
                segment.start = segment.start.map { $0 + part.clip.offset }
                segment.end = segment.end.map { $0 + part.clip.offset }
                segment.speaker = part.clip.speaker ?? segment.speaker
                return segment
            }
        }
        let ordered = segments.enumerated().sorted { lhs, rhs in
            (lhs.element.start ?? 0, lhs.offset) < (rhs.element.start ?? 0, rhs.offset)
        }.map(\.element)
        let durations = parts.map { $0.transcript.duration ?? $0.clip.duration }
        let duration = durations.contains(nil) ? nil : parts.map { $0.clip.offset + ($0.transcript.duration ?? $0.clip.duration ?? 0) }.max()
        return Transcript(segments: ordered, language: parts.lazy.compactMap(\.transcript.language).first, duration: duration)
    }
}
