import CallAuditCore

/// What the realtime provider is sent: PCM at 24 kHz (PCM of any other rate is resampled to it), or G.711 as it came.
enum RealtimeAudioEncoding: Sendable {
    case pcm24k
    case pcmu
    case pcma

    /// The encoding a live call's audio is sent in.
    init(_ format: LiveAudioFormat) {
        switch format {
        case .pcm16: self = .pcm24k
        case .g711ULaw: self = .pcmu
        case .g711ALaw: self = .pcma
        }
    }

    /// The `format` object of `session.update`.
    var json: JSONValue {
        switch self {
        case .pcm24k: .object(["type": "audio/pcm", "rate": .number(24000)])
        case .pcmu: .object(["type": "audio/pcmu"])
        case .pcma: .object(["type": "audio/pcma"])
        }
    }

    /// Bytes of one second of audio in this encoding.
    var bytesPerSecond: Int {
        switch self {
        case .pcm24k: 48000
        case .pcmu, .pcma: 8000
        }
    }
}
