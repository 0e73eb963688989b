import CCurl

/// Where a streamed transfer's body goes: curl's write callback hands each piece here, on the transfer's thread,
/// which passes the response's head on first and then the pieces, and stops the transfer past the size cap. Only that
/// thread touches its state while the transfer runs.
final class BodyStream: @unchecked Sendable {
    typealias Continuation = AsyncThrowingStream<HTTPStreamPart, any Error>.Continuation

    let continuation: Continuation
    let limit: Int
    var handle: UnsafeMutableRawPointer?
    var headers: UnsafeMutablePointer<ca_buffer>?
    private(set) var headSent = false
    private(set) var exceeded = false
    private var received = 0

    init(continuation: Continuation, limit: Int) {
        self.continuation = continuation
        self.limit = limit
    }

    /// curl's write function: `context` is an unretained `BodyStream`.
    static let write: ca_write_function = { bytes, size, count, context in
        guard let context else { return 0 }
        let stream = Unmanaged<BodyStream>.fromOpaque(context).takeUnretainedValue()
        return stream.receive(UnsafeRawBufferPointer(start: bytes, count: size * count)) ? size * count : 0
    }

    /// Passes `bytes` on; `false` stops the transfer (over the cap).
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        sendHead()
        received += bytes.count
        guard received <= limit else {
            exceeded = true
            return false
        }
        continuation.yield(.body(Array(bytes)))
        return true
    }

    /// Passes the status and headers on, once: at the first piece of the body, or at the end of a response with none.
    func sendHead() {
        guard !headSent, let handle, let headers else { return }
        headSent = true
        var status = 0
        ca_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        continuation.yield(.head(status: status, headers: CurlHTTPClient.finalHeaders(CurlHTTPClient.bytes(headers.pointee))))
    }
}
