import CCurl
#if canImport(Glibc)
import Glibc
#endif

/// The file a response's body is written to as it arrives (`ca_file_sink`), created or truncated, at most `limit`
/// bytes, for the length of one transfer. Used by one thread.
final class ResponseFile {
    let state: UnsafeMutablePointer<ca_file_sink>

    init(_ path: String, limit: Int) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HTTPClientError.transport("cannot create the response's file") }
        state = .allocate(capacity: 1)
        state.initialize(to: ca_file_sink(fd: fd, length: 0, limit: limit, exceeded: 0, failed: 0))
    }

    /// Closes the file.
    func close() {
        _ = Glibc.close(state.pointee.fd)
        state.deallocate()
    }
}
