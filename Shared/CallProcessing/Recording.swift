import Audio
import CoreExtensions
import Crypto
import Foundation

/// A call's recording on the worker's disk while the call is processed, with what was learnt of it as it was
/// written: its SHA-256 (the answer cache's content hash) and its format, sniffed from its first bytes.
struct Recording: Sendable {
    /// The file.
    var file: AudioFile
    /// SHA-256 of its bytes, in hex.
    var digest: String
    /// Its container format; `nil` when it is not audio this service knows.
    var format: AudioFormat?

    /// Bytes enough to sniff any format this service knows.
    static let headBytes = 16

    /// A file downloaded whole: hashed a block at a time. Blocking: run it on a thread pool.
    init(downloaded path: String) throws {
        guard let file = AudioFile(path: path) else { throw CocoaError(.fileNoSuchFile) }
        var hasher = SHA256()
        try file.forEachBlock { hasher.update(data: $0) }
        self.init(file: file, digest: hasher.finalize().hexString,
                  format: AudioFormat.sniff(try file.read(at: 0, count: Self.headBytes)))
    }

    init(file: AudioFile, digest: String, format: AudioFormat?) {
        self.file = file
        self.digest = digest
        self.format = format
    }
}
