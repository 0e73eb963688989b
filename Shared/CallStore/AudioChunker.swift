/// Cuts a stream of bytes into the chunks a recording is stored in: append what arrives, take each chunk as it fills.
/// It holds at most one chunk and the last piece appended.
public struct AudioChunker: Sendable {
    private var pending: [UInt8] = []
    /// The index the next chunk taken will have.
    public private(set) var nextIndex = 0
    /// Every byte appended so far.
    public private(set) var totalBytes = 0

    /// Creates an empty chunker.
    public init() {}

    /// Adds bytes at the end.
    public mutating func append(contentsOf bytes: some Sequence<UInt8>) {
        let before = pending.count
        pending.append(contentsOf: bytes)
        totalBytes += pending.count - before
    }

    /// The next full chunk; with `final`, also the last, shorter one. `nil` when there is none (yet).
    public mutating func take(final: Bool = false) -> (index: Int, bytes: [UInt8])? {
        guard pending.count >= AudioChunk.size || (final && !pending.isEmpty) else { return nil }
        let count = min(AudioChunk.size, pending.count)
        let chunk = Array(pending[..<count])
        pending.removeFirst(count)
        defer { nextIndex += 1 }
        return (nextIndex, chunk)
    }
}
