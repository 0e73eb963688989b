import Foundation
import NIOPosix

/// A folder of its own in the system's temporary directory for one call's recording and the files cut from it
/// (channels, pieces, re-encodings), removed when the call's transcription is done, whatever its outcome.
enum RecordingFolder {
    static let prefix = "callaudit-"

    /// Runs `body` with a new folder's path; creating and removing it runs on `threads`.
    static func with<T>(threads: NIOThreadPool, _ body: (String) async throws -> T) async throws -> T {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(prefix + UUID().uuidString).path
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

    /// Removes the folders a worker that was killed mid-call left in the temporary directory: those not changed for
    /// `age`, far longer than any call's transcription takes. Answers how many. Blocks on the file system.
    static func removeAbandoned(olderThan age: Duration, in directory: URL = FileManager.default.temporaryDirectory) -> Int {
        let manager = FileManager.default
        let cutoff = Date().addingTimeInterval(-Double(age.components.seconds))
        var removed = 0
        for name in (try? manager.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) {
            let path = directory.appendingPathComponent(name).path
            guard let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff,
                  (try? manager.removeItem(atPath: path)) != nil
            else { continue }
            removed += 1
        }
        return removed
    }
}
