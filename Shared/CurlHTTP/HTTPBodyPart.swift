/// A piece of a request body: bytes in memory, or a range of a file that curl reads as it sends it (so a recording
/// is sent without being loaded).
public enum HTTPBodyPart: Sendable, Equatable {
    /// These bytes.
    case bytes([UInt8])
    /// `length` bytes of the file at `path`, from `offset`.
    case file(path: String, offset: Int, length: Int)

    /// Its length in bytes.
    public var count: Int {
        switch self {
        case .bytes(let bytes): bytes.count
        case .file(_, _, let length): length
        }
    }
}
