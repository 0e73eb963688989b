/// A RIFF/WAVE recording read far enough to measure it and cut it: its format chunk and where its samples are.
/// Cutting works on whole sample frames, so every clip is itself a valid WAV file of the same encoding.
public struct WAVAudio: Sendable {
    /// 1 PCM, 3 float, 6 A-law, 7 μ-law (the sub-format of an extensible header).
    public let formatTag: UInt16
    /// Channels, interleaved.
    public let channels: Int
    /// Frames per second.
    public let sampleRate: Int
    /// Bits per sample of one channel.
    public let bitsPerSample: Int
    let bytes: [UInt8]
    let data: Range<Int>

    /// Reads the header; `nil` when `bytes` are not a WAV file this code can cut.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else {
            return nil
        }
        var format: (tag: UInt16, channels: Int, rate: Int, bits: Int)?
        var data: Range<Int>?
        var offset = 12
        while offset + 8 <= bytes.count, data == nil {
            let size = Int(Self.uint32(bytes, offset + 4))
            let body = offset + 8
            if bytes[offset..<offset + 4].elementsEqual("fmt ".utf8), size >= 16, body + size <= bytes.count {
                var tag = Self.uint16(bytes, body)
                if tag == 0xFFFE, size >= 26 { tag = Self.uint16(bytes, body + 24) }
                format = (tag, Int(Self.uint16(bytes, body + 2)), Int(Self.uint32(bytes, body + 4)), Int(Self.uint16(bytes, body + 14)))
            } else if bytes[offset..<offset + 4].elementsEqual("data".utf8) {
                data = body..<min(bytes.count, body + size)
            }
            offset = body + size + (size & 1)
        }
        guard let format, let data, format.channels > 0, format.rate > 0, format.bits > 0, format.bits % 8 == 0 else { return nil }
        self.formatTag = format.tag
        self.channels = format.channels
        self.sampleRate = format.rate
        self.bitsPerSample = format.bits
        self.bytes = bytes
        self.data = data
    }

    /// Bytes of one frame (one sample of every channel).
    public var frameBytes: Int { channels * bitsPerSample / 8 }

    /// Frames in the file.
    public var frames: Int { data.count / frameBytes }

    /// Seconds of audio.
    public var duration: Double { Double(frames) / Double(sampleRate) }

    /// One mono file per channel.
    public func channelFiles() -> [[UInt8]] {
        let sampleBytes = bitsPerSample / 8
        return (0..<channels).map { channel in
            var samples: [UInt8] = []
            samples.reserveCapacity(frames * sampleBytes)
            for frame in 0..<frames {
                let start = data.lowerBound + frame * frameBytes + channel * sampleBytes
                samples += bytes[start..<start + sampleBytes]
            }
            return Self.file(samples, formatTag: formatTag, channels: 1, sampleRate: sampleRate, bitsPerSample: bitsPerSample)
        }
    }

    /// Files of at most `maxBytes` (and `maxSeconds`) each, cut at frame boundaries, with the second each one starts at.
    public func pieces(maxBytes: Int, maxSeconds: Double? = nil) -> [(bytes: [UInt8], offset: Double)] {
        let framesBySize = (maxBytes - Self.headerBytes) / frameBytes
        let framesPerPiece = max(1, maxSeconds.map { min(framesBySize, Int($0 * Double(sampleRate))) } ?? framesBySize)
        return stride(from: 0, to: max(frames, 1), by: framesPerPiece).map { first in
            let count = min(framesPerPiece, frames - first)
            let start = data.lowerBound + first * frameBytes
            let samples = Array(bytes[start..<start + max(0, count) * frameBytes])
            return (Self.file(samples, formatTag: formatTag, channels: channels, sampleRate: sampleRate, bitsPerSample: bitsPerSample),
                    Double(first) / Double(sampleRate))
        }
    }

    static let headerBytes = 44

    /// A canonical 44-byte-header WAV file around `samples`.
    public static func file(_ samples: [UInt8], formatTag: UInt16, channels: Int, sampleRate: Int, bitsPerSample: Int) -> [UInt8] {
        let blockAlign = channels * bitsPerSample / 8
        var file: [UInt8] = []
        file.reserveCapacity(headerBytes + samples.count)
        file += Array("RIFF".utf8) + le32(36 + samples.count) + Array("WAVE".utf8)
        file += Array("fmt ".utf8) + le32(16) + le16(Int(formatTag)) + le16(channels) + le32(sampleRate)
        file += le32(sampleRate * blockAlign) + le16(blockAlign) + le16(bitsPerSample)
        file += Array("data".utf8) + le32(samples.count)
        file += samples
        return file
    }

    static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }

    static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
}
