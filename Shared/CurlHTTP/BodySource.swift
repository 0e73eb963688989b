import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// A request body as curl reads it while it sends (`ca_body_reader`): the pieces' bytes copied to the heap (they
/// are small: headers and fields) and their files opened, for the length of one transfer. Used by one thread.
final class BodySource {
    let reader: UnsafeMutablePointer<ca_body_reader>
    let length: Int
    private let pieces: UnsafeMutablePointer<ca_body_piece>
    private let count: Int

    init(_ parts: [HTTPBodyPart]) throws {
        count = parts.count
        pieces = .allocate(capacity: max(1, parts.count))
        reader = .allocate(capacity: 1)
        reader.initialize(to: ca_body_reader(pieces: UnsafePointer(pieces), count: parts.count, index: 0, position: 0, failed: 0))
        length = parts.reduce(0) { $0 + $1.count }
        var opened = 0
        do {
            for part in parts {
                switch part {
                case .bytes(let bytes):
                    let copy = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
                    copy.initialize(from: bytes, count: bytes.count)
                    (pieces + opened).initialize(to: ca_body_piece(data: UnsafePointer(copy), fd: -1, offset: 0, length: curl_off_t(bytes.count)))
                case .file(let path, let offset, let length):
                    let fd = open(path, O_RDONLY | O_CLOEXEC)
                    guard fd >= 0 else { throw HTTPClientError.transport("cannot open the body's file") }
                    (pieces + opened).initialize(to: ca_body_piece(data: nil, fd: fd, offset: curl_off_t(offset), length: curl_off_t(length)))
                }
                opened += 1
            }
        } catch {
            release(opened)
            throw error
        }
    }

    /// Frees the copies and closes the files.
    func close() {
        release(count)
    }

    private func release(_ initialized: Int) {
        for index in 0..<initialized {
            let piece = pieces[index]
            if let data = piece.data { UnsafeMutablePointer(mutating: data).deallocate() } else { _ = Glibc.close(piece.fd) }
        }
        pieces.deallocate()
        reader.deallocate()
    }
}
