import Foundation

/// A recording on disk, where the worker keeps it while it is processed: written once as it is downloaded or read
/// from the store, then read in ranges (to sniff, measure, split and send it), never loaded whole.
public struct AudioFile: Sendable {
    /// Its path.
    public let path: String
    /// Its length in bytes.
    public let size: Int

    /// Describes the file at `path` of `size` bytes.
    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }

    /// The file at `path`, measured; `nil` when there is none.
    public init?(path: String) {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
        self.init(path: path, size: size)
    }

    /// At most `count` bytes from `offset` (fewer at the end of the file).
    public func read(at offset: Int, count: Int) throws -> [UInt8] {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        return [UInt8](try handle.read(upToCount: count) ?? Data())
    }

    /// Reads the whole file in blocks of `blockSize` bytes, handing each to `body`: one block in memory at a time.
    public func forEachBlock(blockSize: Int = 1024 * 1024, _ body: (Data) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        while let block = try handle.read(upToCount: blockSize), !block.isEmpty {
            try body(block)
        }
    }
}
