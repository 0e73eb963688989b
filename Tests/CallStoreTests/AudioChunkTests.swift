import CallAuditCore
import CallStore
import Foundation
import Logging
import PostgresClient
import Testing
import TestSupport

/// Recordings stored in chunks: written as they stream in, read back a chunk at a time in binary, and recordings
/// stored whole before migration 7 (or by an older ingest during an upgrade) still read.
@Suite("Recordings in chunks against PostgreSQL")
struct AudioChunkTests {
    static let logger = Logger(label: "test")

    /// A migrated repository over a fresh database, and its pool for what the repository does not offer.
    static func withStore(_ body: (CallRepository, PostgresPool) async throws -> Void) async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let repository = CallRepository(pool: clients.postgres)
                try await repository.migrate(logger: logger)
                try await body(repository, clients.postgres)
            }
        }
    }

    static func upload(size: Int) -> NewCall {
        NewCall(managerID: "m1", mode: .manager, source: .upload,
                audio: UploadedAudio(filename: "call.wav", contentType: "audio/wav", size: size))
    }

    @Test("a 2.5 MB recording is three chunks, read back byte for byte; a refused upload's chunks are discarded, a call's kept")
    func chunks() async throws {
        try await Self.withStore { repository, _ in
            let bytes = (0..<(5 * AudioChunk.size / 2)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let call = Self.upload(size: bytes.count)
            try await repository.storeRecording(bytes, of: call.id)
            _ = try await repository.insert(call)
            #expect(try await repository.audioChunk(2, of: call.id)?.count == AudioChunk.size / 2)
            #expect(try await repository.audioChunk(3, of: call.id) == nil)
            #expect(try await repository.recording(of: call.id) == bytes)
            try await repository.discardAudio(of: call.id)
            #expect(try await repository.recording(of: call.id) == bytes, "a stored call's recording is never discarded")

            let refused = UUID()
            try await repository.storeRecording([1, 2, 3], of: refused)
            try await repository.discardAudio(of: refused)
            #expect(try await repository.audioChunk(0, of: refused) == nil)
        }
    }

    @Test("deleting a call deletes its chunks; the sweeper removes old chunks no call took and keeps young ones")
    func cleanup() async throws {
        try await Self.withStore { repository, pool in
            let call = Self.upload(size: 3)
            try await repository.storeRecording([1, 2, 3], of: call.id)
            _ = try await repository.insert(call)
            #expect(try await repository.withdraw([call.id]) == [call.id])
            #expect(try await repository.audioChunk(0, of: call.id) == nil)

            let (young, old) = (UUID(), UUID())
            try await repository.storeRecording([4], of: young)
            try await repository.storeRecording([5], of: old)
            try await pool.query("UPDATE call_audio_chunks SET created_at = now() - interval '2 days' WHERE call_id = $1", [.init(old)])
            #expect(try await repository.removeOrphanedAudio(olderThan: 86_400) == 1)
            #expect(try await repository.audioChunk(0, of: young) == [4])
            #expect(try await repository.audioChunk(0, of: old) == nil)
        }
    }

    @Test("a recording stored whole in call_audio.data before migration 7 moves into chunks; one stored whole after it still reads")
    func upgrade() async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let before = CallStoreMigrations.all.filter { $0.version <= 5 }
                try await PostgresMigrator.migrate(clients.postgres, migrations: before, logger: Self.logger)
                let (old, late) = (UUID(), UUID())
                let bytes = (0..<(3 * AudioChunk.size / 2)).map { UInt8(truncatingIfNeeded: $0 &* 13) }
                let repository = CallRepository(pool: clients.postgres)
                try await Self.insertWhole(old, bytes, into: clients.postgres)
                try await repository.migrate(logger: Self.logger)
                #expect(try await repository.recording(of: old) == bytes)
                let whole = try await clients.postgres.query("SELECT count(*) AS n FROM call_audio WHERE data IS NOT NULL")
                #expect(whole.first?["n"].int == 0, "migration 7 moved the bytes out of call_audio")

                try await Self.insertWhole(late, bytes, into: clients.postgres)
                #expect(try await repository.audioChunk(1, of: late)?.count == AudioChunk.size / 2)
                #expect(try await repository.recording(of: late) == bytes)
            }
        }
    }

    /// A call and its recording as ingest stored them before migration 7: the whole recording in `call_audio.data`.
    static func insertWhole(_ id: UUID, _ bytes: [UInt8], into pool: PostgresPool) async throws {
        try await pool.transaction { connection in
            try connection.query("INSERT INTO calls (id, manager_id, mode, source) VALUES ($1, 'm1', 'manager', 'upload')", [.init(id)])
            try connection.query("INSERT INTO call_audio (call_id, size_bytes, data) VALUES ($1, $2, $3)",
                                 [.init(id), .init(bytes.count), .bytes(bytes)])
        }
    }
}
