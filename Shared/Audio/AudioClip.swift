import Foundation

/// A piece of a recording ready to send: within the provider's size limit, one channel when the recording was
/// split by channel, and where it starts in the whole recording. Its bytes are mostly ranges of files on disk, read
/// only as the clip is sent.
public struct AudioClip: Sendable {
    /// A run of the clip's bytes.
    public enum Piece: Sendable, Equatable {
        /// These bytes (a WAV header, or a small clip held in memory).
        case bytes([UInt8])
        /// `length` bytes of the file at `path`, from `offset`.
        case file(path: String, offset: Int, length: Int)
    }

    /// The encoded audio, in order.
    public var pieces: [Piece]
    /// Its container format.
    public var format: AudioFormat
    /// Seconds from the start of the recording to the start of this clip.
    public var offset: Double
    /// Its length in seconds, when the container tells it.
    public var duration: Double?
    /// The speaker of every word in the clip, when the recording was split by channel (`channel 1`, `channel 2`).
    public var speaker: String?

    /// Creates a clip of bytes in memory.
    public init(bytes: [UInt8], format: AudioFormat, offset: Double = 0, duration: Double? = nil, speaker: String? = nil) {
        self.init(pieces: [.bytes(bytes)], format: format, offset: offset, duration: duration, speaker: speaker)
    }

    /// Creates a clip of pieces of memory and of files.
    public init(pieces: [Piece], format: AudioFormat, offset: Double = 0, duration: Double? = nil, speaker: String? = nil) {
        self.pieces = pieces
        self.format = format
        self.offset = offset
        self.duration = duration
        self.speaker = speaker
    }

    /// A clip of a whole file.
    public init(file: AudioFile, format: AudioFormat, duration: Double? = nil) {
        self.init(pieces: [.file(path: file.path, offset: 0, length: file.size)], format: format, duration: duration)
    }

    /// Its length in bytes.
    public var size: Int {
        pieces.reduce(0) { total, piece in
            switch piece {
            case .bytes(let bytes): total + bytes.count
            case .file(_, _, let length): total + length
            }
        }
    }

    /// Its bytes, read into memory: for checks of small clips, never to send one.
    public func readBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .bytes(let data):
                bytes += data
            case .file(let path, let offset, let length):
                bytes += try AudioFile(path: path, size: offset + length).read(at: offset, count: length)
            }
        }
        return bytes
    }

    /// A file name with the extension providers go by.
    public var filename: String { "audio.\(format.rawValue)" }
}
