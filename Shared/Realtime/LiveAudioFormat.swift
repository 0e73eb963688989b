/// The audio a live call streams (`format` on `GET /v1/live`): 16-bit little-endian PCM at a declared rate, or G.711
/// μ-law or A-law at 8 kHz, one channel.
public enum LiveAudioFormat: Sendable, Equatable {
    /// 16-bit signed little-endian PCM at `sampleRate` Hz.
    case pcm16(sampleRate: Int)
    /// G.711 μ-law at 8 kHz.
    case g711ULaw
    /// G.711 A-law at 8 kHz.
    case g711ALaw

    /// The PCM sample rates a client may declare.
    public static let pcmSampleRates = [8000, 16000, 24000, 44100, 48000]

    /// The format named `name` (`pcm16`, `g711_ulaw`, `g711_alaw`), at `sampleRate` for `pcm16` (24 kHz when absent);
    /// `nil` with the reason when it is none of them.
    public static func named(_ name: String, sampleRate: Int?) -> Result<LiveAudioFormat, LiveAudioFormatError> {
        switch name {
        case "pcm16":
            let rate = sampleRate ?? 24000
            guard pcmSampleRates.contains(rate) else {
                return .failure(LiveAudioFormatError(
                    "sample_rate \(rate) is not one of \(pcmSampleRates.map(String.init).joined(separator: ", "))"))
            }
            return .success(.pcm16(sampleRate: rate))
        case "g711_ulaw", "g711_alaw":
            if let sampleRate, sampleRate != 8000 {
                return .failure(LiveAudioFormatError("\(name) is 8000 Hz; sample_rate \(sampleRate) cannot be used with it"))
            }
            return .success(name == "g711_ulaw" ? .g711ULaw : .g711ALaw)
        default:
            return .failure(LiveAudioFormatError("format must be pcm16, g711_ulaw or g711_alaw, not \(name)"))
        }
    }

    /// The name a client gives (`pcm16`, `g711_ulaw`, `g711_alaw`).
    public var name: String {
        switch self {
        case .pcm16: "pcm16"
        case .g711ULaw: "g711_ulaw"
        case .g711ALaw: "g711_alaw"
        }
    }

    /// Samples per second.
    public var sampleRate: Int {
        if case .pcm16(let rate) = self { return rate }
        return 8000
    }

    /// Bytes one sample takes on the wire.
    public var bytesPerSample: Int {
        if case .pcm16 = self { return 2 }
        return 1
    }

    /// Bytes of one second of audio on the wire.
    public var bytesPerSecond: Int { sampleRate * bytesPerSample }

    /// `frame` as 16-bit little-endian PCM: a `pcm16` frame as it is, G.711 decoded.
    public func pcm16(_ frame: [UInt8]) -> [UInt8] {
        if case .pcm16 = self { return frame }
        return LittleEndianPCM.bytes(samples(frame))
    }

    /// The 16-bit samples of `frame` (which holds whole samples).
    public func samples(_ frame: [UInt8]) -> [Int16] {
        switch self {
        case .pcm16:
            return stride(from: 0, to: frame.count - 1, by: 2).map { Int16(bitPattern: UInt16(frame[$0]) | UInt16(frame[$0 + 1]) << 8) }
        case .g711ULaw:
            return frame.map(G711.muLaw)
        case .g711ALaw:
            return frame.map(G711.aLaw)
        }
    }
}

/// Why a live call's audio format cannot be used.
public struct LiveAudioFormatError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, for the client.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
