import CCurl
import CoreExtensions
import Foundation
import NIOPosix
import ServiceLifecycle

/// An async HTTP client over libcurl. Each request runs `curl_easy_perform` on a dedicated thread-pool thread with
/// C-side timeouts, a response-size cap, http/https only, and internal addresses refused at connect time. Cancelling
/// the task that awaits a request aborts its transfer within about a second and frees the thread.
///
/// As a service it owns its thread pool and stops it once graceful shutdown reaches it.
public final class CurlHTTPClient: Service {
    /// The threads transfers block on; also lent to other blocking work of the same process (audio cutting).
    public let threadPool: NIOThreadPool

    /// Creates a client that performs requests on `threadPool` (owned by the caller).
    public init(threadPool: NIOThreadPool) {
        CurlGlobal.initialize()
        self.threadPool = threadPool
    }

    /// Creates a client with a thread pool of its own, `threads` transfers at a time.
    public convenience init(threads: Int) {
        let threadPool = NIOThreadPool(numberOfThreads: max(1, threads))
        threadPool.start()
        self.init(threadPool: threadPool)
    }

    /// Waits for graceful shutdown, then stops the thread pool.
    public func run() async throws {
        try? await gracefulShutdown()
        try await threadPool.shutdownGracefully()
    }

    /// Performs a request. Non-2xx statuses are returned, not thrown; cancellation throws `CancellationError`.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = try Self.validate(request.url)
        let abort = AbortSignal()
        return try await withTaskCancellationHandler {
            try await threadPool.runIfActive { try Self.perform(request, host: host, abort: abort) }
        } onCancel: {
            abort.request()
        }
    }

    /// Performs a request and hands its answer on as it arrives: the status and headers, then the body in pieces (a
    /// server-sent event stream, read while it is written). The size cap counts the whole body. Ending the iteration
    /// early, or cancelling the task that iterates, aborts the transfer within about a second.
    public func stream(_ request: HTTPRequest) -> AsyncThrowingStream<HTTPStreamPart, any Error> {
        let (parts, continuation) = AsyncThrowingStream.makeStream(of: HTTPStreamPart.self)
        let abort = AbortSignal()
        continuation.onTermination = { _ in abort.request() }
        let host: String
        do {
            host = try Self.validate(request.url)
        } catch {
            continuation.finish(throwing: error)
            return parts
        }
        let body = BodyStream(continuation: continuation, limit: request.maxResponseBytes)
        let threadPool = threadPool
        Task {
            do {
                _ = try await threadPool.runIfActive { try Self.perform(request, host: host, abort: abort, streamingTo: body) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return parts
    }

    /// Checks the scheme and shape of a URL before any I/O (also a configured one's, at start); answers its host.
    public static func validate(_ url: String) throws -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else {
            throw HTTPClientError.invalidURL(url)
        }
        guard scheme == "http" || scheme == "https" else { throw HTTPClientError.unsupportedScheme(scheme) }
        guard let host = components.host, !host.isEmpty else { throw HTTPClientError.invalidURL(url) }
        return host
    }

    /// Runs a transfer on the calling thread; with `stream`, the body goes there as it arrives instead of into the
    /// answer.
    static func perform(_ request: HTTPRequest, host: String, abort: AbortSignal, streamingTo stream: BodyStream? = nil) throws
        -> HTTPResponse {
        guard !abort.isRequested else { throw CancellationError() }
        guard let handle = curl_easy_init() else { throw HTTPClientError.transport("cannot create a curl handle") }
        defer { curl_easy_cleanup(handle) }
        // curl keeps these pointers until the transfer ends, so they live on the heap, not in Swift variables
        // (an `&variable` argument is only valid for the one call it is passed to).
        let body = UnsafeMutablePointer<ca_buffer>.allocate(capacity: 1)
        body.initialize(to: ca_buffer(data: nil, length: 0, capacity: 0, limit: request.maxResponseBytes, exceeded: 0))
        let headerBytes = UnsafeMutablePointer<ca_buffer>.allocate(capacity: 1)
        headerBytes.initialize(to: ca_buffer(data: nil, length: 0, capacity: 0, limit: 256 * 1024, exceeded: 0))
        let guardState = UnsafeMutablePointer<ca_socket_guard>.allocate(capacity: 1)
        guardState.initialize(to: ca_socket_guard(allow_private: request.allowPrivateAddresses ? 1 : 0, blocked: 0))
        defer {
            free(body.pointee.data)
            free(headerBytes.pointee.data)
            body.deallocate()
            headerBytes.deallocate()
            guardState.deallocate()
        }
        stream?.handle = handle
        stream?.headers = headerBytes
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for header in request.headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        if request.body != nil && !request.headers.contains(where: { $0.name.lowercased() == "expect" }) {
            headerList = curl_slist_append(headerList, "Expect:")
        }
        let upload = try request.body.map(BodySource.init)
        defer { upload?.close() }
        let sink = try request.responseFile.map { try ResponseFile($0, limit: request.maxResponseBytes) }
        defer { sink?.close() }

        ca_curl_setopt_string(handle, CURLOPT_URL, request.url)
        ca_curl_setopt_string(handle, CURLOPT_PROXY, "")
        ca_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ca_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ca_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        ca_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1 : 0)
        ca_curl_setopt_long(handle, CURLOPT_MAXREDIRS, request.maxRedirects)
        ca_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(request.timeout))
        ca_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
        ca_curl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes))
        ca_curl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        ca_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList)
        if let stream {
            ca_curl_stream_body(handle, BodyStream.write, Unmanaged.passUnretained(stream).toOpaque())
        } else if let sink {
            ca_curl_write_to_file(handle, sink.state)
        } else {
            ca_curl_collect_body(handle, body)
        }
        ca_curl_collect_headers(handle, headerBytes)
        ca_curl_install_socket_guard(handle, guardState)
        ca_curl_install_abort(handle, abort.pointer)
        if request.method != "GET" || request.body != nil {
            ca_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let upload {
            ca_curl_send_body(handle, upload.reader, curl_off_t(upload.length))
        }
        let code = curl_easy_perform(handle)

        if code != CURLE_OK && guardState.pointee.blocked != 0 { throw HTTPClientError.forbiddenAddress(host) }
        if body.pointee.exceeded != 0 || stream?.exceeded == true || sink?.state.pointee.exceeded == 1
            || code == CURLE_FILESIZE_EXCEEDED {
            throw HTTPClientError.tooLarge(limit: request.maxResponseBytes)
        }
        if sink?.state.pointee.failed == 1 { throw HTTPClientError.transport("cannot write the response to its file") }
        if upload?.reader.pointee.failed == 1 { throw HTTPClientError.transport("cannot read the body's file") }
        switch code {
        case CURLE_OK: break
        case CURLE_ABORTED_BY_CALLBACK: throw CancellationError()
        case CURLE_OPERATION_TIMEDOUT: throw HTTPClientError.timeout
        case CURLE_UNSUPPORTED_PROTOCOL: throw HTTPClientError.unsupportedScheme(request.url.prefix { $0 != ":" }.lowercased())
        case CURLE_URL_MALFORMAT: throw HTTPClientError.invalidURL(request.url)
        default: throw HTTPClientError.transport(String(cString: curl_easy_strerror(code)))
        }
        stream?.sendHead()
        var status = 0
        ca_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(
            status: status, headers: Self.finalHeaders(Self.bytes(headerBytes.pointee)), body: Self.bytes(body.pointee))
    }

    static func bytes(_ buffer: ca_buffer) -> [UInt8] {
        guard let data = buffer.data, buffer.length > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: buffer.length))
    }

    /// The headers of the last response in the raw header stream (redirects and `100 Continue` come before it).
    static func finalHeaders(_ raw: [UInt8]) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        for line in String(decoding: raw, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("HTTP/") {
                headers.removeAll()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(HTTPHeader(line[..<colon].lowercased(),
                                      line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return headers
    }

    /// Whole milliseconds, at least 1: curl reads 0 as "no limit".
    static func milliseconds(_ duration: Duration) -> Int {
        max(1, duration.wholeMilliseconds)
    }
}
