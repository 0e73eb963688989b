import Audio
import CallStore
import Foundation

/// A live call's recording as it streams in: 16-bit PCM WAV stored in chunks under the call's id, a fixed buffer in
/// memory. The header goes first with no length (so the sweeper sees when the chunks began) and is written again
/// with the length at the end.
struct LiveRecording {
    let storage: any CallStorage
    let id: UUID
    let sampleRate: Int
    var buffer: [UInt8] = []
    var nextIndex = 1
    var dataBytes = 0

    /// Bytes held before they are stored as a chunk (4 s of 16 kHz PCM; a row every few seconds per session).
    static let chunkBytes = 128 * 1024

    /// Starts the recording of call `id`.
    static func start(storage: any CallStorage, id: UUID, sampleRate: Int) async throws -> LiveRecording {
        var recording = LiveRecording(storage: storage, id: id, sampleRate: sampleRate)
        // Room for a chunk and the frame that fills it: the buffer never grows past it.
        recording.buffer.reserveCapacity(chunkBytes + 4 * sampleRate)
        try await storage.storeAudioChunk(recording.header, index: 0, of: id)
        return recording
    }

    /// Seconds of audio so far.
    var seconds: Double { Double(dataBytes) / Double(sampleRate * 2) }

    var header: [UInt8] {
        WAVAudio.header(dataBytes: dataBytes, formatTag: 1, channels: 1, sampleRate: sampleRate, bitsPerSample: 16)
    }

    /// Adds 16-bit little-endian PCM; a full buffer is stored.
    mutating func append(_ pcm: [UInt8]) async throws {
        buffer += pcm
        dataBytes += pcm.count
        if buffer.count >= Self.chunkBytes { try await flush() }
    }

    /// Stores what is buffered and the header with the length: the recording, as an upload's would be described.
    mutating func finish() async throws -> UploadedAudio {
        try await flush()
        try await storage.storeAudioChunk(header, index: 0, of: id)
        return UploadedAudio(filename: "live-\(id.uuidString.lowercased()).wav", contentType: "audio/wav",
                             size: WAVAudio.headerBytes + dataBytes)
    }

    mutating func flush() async throws {
        guard !buffer.isEmpty else { return }
        try await storage.storeAudioChunk(buffer, index: nextIndex, of: id)
        nextIndex += 1
        buffer.removeAll(keepingCapacity: true)
    }
}
