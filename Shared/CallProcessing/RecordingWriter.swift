import Audio
import Crypto
import Foundation
import NIOPosix

/// Writes a recording to its file as its chunks are read from the store, hashing it and keeping its first bytes as
/// it goes, so the chunk being written is all of it in memory. The file and hashing work runs on `threads`, never on
/// Swift's cooperative threads.
final class RecordingWriter: @unchecked Sendable {
    // @unchecked: one task owns a writer and awaits each `append` before the next, so `hasher`, `head` and `size` are
    // touched by one thread at a time (the pool's, then the owner's once the work has completed).
    let path: String
    let threads: NIOThreadPool
    private var hasher = SHA256()
    private var head: [UInt8] = []
    /// Bytes written so far.
    private(set) var size = 0

    private init(path: String, threads: NIOThreadPool) {
        self.path = path
        self.threads = threads
    }

    /// Creates (or empties) the file at `path`.
    static func create(_ path: String, threads: NIOThreadPool) async throws -> RecordingWriter {
        try await threads.runIfActive {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        }
        return RecordingWriter(path: path, threads: threads)
    }

    /// Appends a chunk.
    func append(_ chunk: [UInt8]) async throws {
        try await threads.runIfActive {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: self.path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: chunk)
            self.hasher.update(data: chunk)
            if self.head.count < Recording.headBytes { self.head += chunk.prefix(Recording.headBytes - self.head.count) }
            self.size += chunk.count
        }
    }

    /// The recording as written.
    func finish() -> Recording {
        Recording(file: AudioFile(path: path, size: size), digest: hasher.finalize().hexString, format: AudioFormat.sniff(head))
    }
}
