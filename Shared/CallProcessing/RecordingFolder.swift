import Foundation
import NIOPosix

/// A folder of its own in the system's temporary directory for one call's recording and the files cut from it
/// (channels, pieces, re-encodings), removed when the call's transcription is done, whatever its outcome.
enum RecordingFolder {
    /// Runs `body` with a new folder's path; creating and removing it runs on `threads`.
    static func with<T>(threads: NIOThreadPool, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("callaudit-\(UUID().uuidString)").path
        try await threads.runIfActive { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        do {
            let value = try await body(path)
            try? await threads.runIfActive { try FileManager.default.removeItem(atPath: path) }
            return value
        } catch {
            try? await threads.runIfActive { try FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }
}
