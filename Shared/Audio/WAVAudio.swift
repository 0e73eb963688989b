import Foundation

/// A RIFF/WAVE recording on disk, read far enough to measure it and cut it: its format chunk and where its samples
/// are. Cutting works on whole sample frames, so every clip is itself a valid WAV file of the same encoding; a piece
/// is a new header and a range of the file, and a channel is written to a file of its own a block at a time, so no
/// recording is ever held in memory.
public struct WAVAudio: Sendable {
    /// 1 PCM, 3 float, 6 A-law, 7 μ-law (the sub-format of an extensible header).
    public let formatTag: UInt16
    /// Channels, interleaved.
    public let channels: Int
    /// Frames per second.
    public let sampleRate: Int
    /// Bits per sample of one channel.
    public let bitsPerSample: Int
    let source: AudioFile
    let data: Range<Int>

    /// Reads the header of `file`; `nil` when it is not a WAV file this code can cut.
    public init?(_ file: AudioFile) {
        guard let riff = try? file.read(at: 0, count: 12), riff.count == 12, riff[0..<4].elementsEqual("RIFF".utf8),
              riff[8..<12].elementsEqual("WAVE".utf8)
        else { return nil }
        var format: (tag: UInt16, channels: Int, rate: Int, bits: Int)?
        var data: Range<Int>?
        var offset = 12
        while offset + 8 <= file.size, data == nil {
            guard let header = try? file.read(at: offset, count: 8), header.count == 8 else { return nil }
            let size = Int(Self.uint32(header, 4))
            let body = offset + 8
            if header[0..<4].elementsEqual("fmt ".utf8), size >= 16, body + size <= file.size {
                guard let chunk = try? file.read(at: body, count: min(size, 40)), chunk.count >= 16 else { return nil }
                var tag = Self.uint16(chunk, 0)
                if tag == 0xFFFE, chunk.count >= 26 { tag = Self.uint16(chunk, 24) }
                format = (tag, Int(Self.uint16(chunk, 2)), Int(Self.uint32(chunk, 4)), Int(Self.uint16(chunk, 14)))
            } else if header[0..<4].elementsEqual("data".utf8) {
                data = body..<min(file.size, body + size)
            }
            offset = body + size + (size & 1)
        }
        guard let format, let data, format.channels > 0, format.rate > 0, format.bits > 0, format.bits % 8 == 0 else { return nil }
        self.formatTag = format.tag
        self.channels = format.channels
        self.sampleRate = format.rate
        self.bitsPerSample = format.bits
        self.source = file
        self.data = data
    }

    /// Bytes of one frame (one sample of every channel).
    public var frameBytes: Int { channels * bitsPerSample / 8 }

    /// Frames in the file.
    public var frames: Int { data.count / frameBytes }

    /// Seconds of audio.
    public var duration: Double { Double(frames) / Double(sampleRate) }

    /// One mono file per channel, written to `folder` a block of frames at a time.
    public func channelFiles(in folder: String) throws -> [AudioFile] {
        let sampleBytes = bitsPerSample / 8
        let channelBytes = frames * sampleBytes
        let header = Self.header(dataBytes: channelBytes, formatTag: formatTag, channels: 1, sampleRate: sampleRate,
                                 bitsPerSample: bitsPerSample)
        let paths = (0..<channels).map { "\(folder)/channel-\(UUID().uuidString)-\($0 + 1).wav" }
        let outputs = try paths.map { path in
            guard FileManager.default.createFile(atPath: path, contents: Data(header)) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            return handle
        }
        defer { outputs.forEach { try? $0.close() } }
        let framesPerBlock = max(1, 1024 * 1024 / frameBytes)
        var first = 0
        while first < frames {
            let count = min(framesPerBlock, frames - first)
            let block = try source.read(at: data.lowerBound + first * frameBytes, count: count * frameBytes)
            for channel in 0..<channels {
                var samples = [UInt8](repeating: 0, count: count * sampleBytes)
                for frame in 0..<count {
                    let from = frame * frameBytes + channel * sampleBytes
                    for byte in 0..<sampleBytes { samples[frame * sampleBytes + byte] = block[from + byte] }
                }
                try outputs[channel].write(contentsOf: samples)
            }
            first += count
        }
        return paths.map { AudioFile(path: $0, size: header.count + channelBytes) }
    }

    /// Clips of at most `maxBytes` (and `maxSeconds`) each, cut at frame boundaries, with the second each one starts
    /// at: each a header of its own and a range of the file.
    public func pieces(maxBytes: Int, maxSeconds: Double? = nil) -> [(pieces: [AudioClip.Piece], offset: Double)] {
        let framesBySize = (maxBytes - Self.headerBytes) / frameBytes
        let framesPerPiece = max(1, maxSeconds.map { min(framesBySize, Int($0 * Double(sampleRate))) } ?? framesBySize)
        return stride(from: 0, to: max(frames, 1), by: framesPerPiece).map { first in
            let length = max(0, min(framesPerPiece, frames - first)) * frameBytes
            let header = Self.header(dataBytes: length, formatTag: formatTag, channels: channels, sampleRate: sampleRate,
                                     bitsPerSample: bitsPerSample)
            return ([.bytes(header), .file(path: source.path, offset: data.lowerBound + first * frameBytes, length: length)],
                    Double(first) / Double(sampleRate))
        }
    }

    /// The length of the canonical header.
    public static let headerBytes = 44

    /// A canonical 44-byte-header WAV file around `samples`.
    public static func file(_ samples: [UInt8], formatTag: UInt16, channels: Int, sampleRate: Int, bitsPerSample: Int) -> [UInt8] {
        header(dataBytes: samples.count, formatTag: formatTag, channels: channels, sampleRate: sampleRate,
               bitsPerSample: bitsPerSample) + samples
    }

    /// The canonical 44-byte header of a WAV file whose samples are `dataBytes` long.
    public static func header(dataBytes: Int, formatTag: UInt16, channels: Int, sampleRate: Int, bitsPerSample: Int) -> [UInt8] {
        let blockAlign = channels * bitsPerSample / 8
        var header = Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVE".utf8)
        header += Array("fmt ".utf8) + le32(16) + le16(Int(formatTag)) + le16(channels) + le32(sampleRate)
        header += le32(sampleRate * blockAlign) + le16(blockAlign) + le16(bitsPerSample)
        header += Array("data".utf8) + le32(dataBytes)
        return header
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
