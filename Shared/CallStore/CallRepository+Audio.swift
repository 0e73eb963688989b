import Foundation
import PostgresClient

extension CallRepository {
    /// Stores one chunk of the recording uploaded under `id`, as it streams in (before the call's row exists); a
    /// chunk stored again replaces the first (a live call's WAV header, rewritten with its length at the end).
    public func storeAudioChunk(_ bytes: [UInt8], index: Int, of id: UUID) async throws {
        try await pool.query("""
            INSERT INTO call_audio_chunks (call_id, seq, data) VALUES ($1, $2, $3)
            ON CONFLICT (call_id, seq) DO UPDATE SET data = EXCLUDED.data
            """, [.init(id), .init(index), .bytes(bytes)])
    }

    /// Removes the chunks stored under `id` unless a stored call owns them: an upload refused, or repeating a call
    /// stored earlier, leaves nothing behind.
    public func discardAudio(of id: UUID) async throws {
        try await pool.query("""
            DELETE FROM call_audio_chunks
            WHERE call_id = $1 AND NOT EXISTS (SELECT 1 FROM call_audio WHERE call_id = $1)
            """, [.init(id)])
    }

    /// Removes recordings no call took that were begun over `seconds` ago (an ingest process died mid-upload);
    /// answers how many.
    @discardableResult
    public func removeOrphanedAudio(olderThan seconds: Double) async throws -> Int {
        let rows = try await pool.query("""
            WITH orphans AS (
                SELECT call_id FROM call_audio_chunks head
                WHERE seq = 0 AND created_at < now() - $1::double precision * interval '1 second'
                  AND NOT EXISTS (SELECT 1 FROM call_audio WHERE call_audio.call_id = head.call_id)
                LIMIT 100
            )
            DELETE FROM call_audio_chunks USING orphans WHERE call_audio_chunks.call_id = orphans.call_id
            RETURNING call_audio_chunks.call_id
            """, [.init(seconds)])
        return Set(rows.compactMap { $0["call_id"].uuid }).count
    }

    /// The uploaded recording of a call: its name, type and size (its bytes: ``audioChunk(_:of:)``).
    public func audio(of id: UUID) async throws -> UploadedAudio? {
        let rows = try await pool.query(
            "SELECT filename, content_type, size_bytes FROM call_audio WHERE call_id = $1", [.init(id)])
        guard let row = rows.first, let size = row["size_bytes"].int else { return nil }
        return UploadedAudio(filename: row["filename"].string, contentType: row["content_type"].string, size: size)
    }

    /// Chunk `index` of a call's recording, read in binary (not hex-doubled); `nil` past its end. A recording an older
    /// ingest stored whole is read in slices of the same size.
    public func audioChunk(_ index: Int, of id: UUID) async throws -> [UInt8]? {
        let rows = try await pool.query("""
            (SELECT data FROM call_audio_chunks WHERE call_id = $1 AND seq = $2)
            UNION ALL
            (SELECT substring(data FROM $2::integer * \(AudioChunk.size) + 1 FOR \(AudioChunk.size)) FROM call_audio
             WHERE call_id = $1 AND data IS NOT NULL)
            LIMIT 1
            """, [.init(id), .init(index)], binaryResults: true)
        guard let bytes = rows.first?["data"].binary, !bytes.isEmpty else { return nil }
        return bytes
    }
}
