/// A recording's container format, told from its first bytes (DESIGN.md §2, step 2).
public enum AudioFormat: String, Sendable {
    case wav, mp3, ogg, flac, m4a, webm

    /// The format of `bytes`, or `nil` when they are not a recording this service knows.
    public static func sniff(_ bytes: [UInt8]) -> AudioFormat? {
        func starts(with prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts(with: Array("RIFF".utf8)) && starts(with: Array("WAVE".utf8), at: 8) { return .wav }
        if starts(with: Array("ID3".utf8)) || (bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) { return .mp3 }
        if starts(with: Array("OggS".utf8)) { return .ogg }
        if starts(with: Array("fLaC".utf8)) { return .flac }
        if starts(with: Array("ftyp".utf8), at: 4) { return .m4a }
        if starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return .webm }
        return nil
    }

    /// The MIME type providers expect for this format.
    public var mimeType: String {
        switch self {
        case .wav: "audio/wav"
        case .mp3: "audio/mpeg"
        case .ogg: "audio/ogg"
        case .flac: "audio/flac"
        case .m4a: "audio/mp4"
        case .webm: "audio/webm"
        }
    }
}
