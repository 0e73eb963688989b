import CallStore
import Foundation

extension CallRepository {
    /// Stores `bytes` as the recording of the call `id` is to have, in chunks, as ingest stores an upload.
    public func storeRecording(_ bytes: [UInt8], of id: UUID) async throws {
        var chunks = AudioChunker()
        chunks.append(contentsOf: bytes)
        while let chunk = chunks.take(final: true) {
            try await storeAudioChunk(chunk.bytes, index: chunk.index, of: id)
        }
    }

    /// A call's whole recording, read back a chunk at a time (every chunk but the last is full).
    public func recording(of id: UUID) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        var index = 0
        while let chunk = try await audioChunk(index, of: id) {
            bytes += chunk
            index += 1
            if chunk.count < AudioChunk.size { break }
        }
        return bytes
    }
}
