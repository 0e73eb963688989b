import Foundation

/// A folder of its own under the system's temporary directory, removed with the value: where tests put recordings
/// and the worker's code writes the files it cuts from them.
public final class TemporaryFolder: Sendable {
    /// Its path.
    public let path: String

    /// Creates the folder.
    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("callaudit-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `bytes` to a new file in the folder; answers its path.
    public func write(_ bytes: [UInt8], name: String = UUID().uuidString) throws -> String {
        let file = "\(path)/\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}
