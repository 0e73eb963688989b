/// An outbound request with its limits.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// An http or https URL.
    public var url: String
    /// Headers to send (never echoed in errors).
    public var headers: [HTTPHeader]
    /// The body to send, if any, in pieces (memory, or ranges of files read as they are sent).
    public var body: [HTTPBodyPart]?
    /// The whole exchange must finish within this (default 30 s).
    public var timeout: Duration = .seconds(30)
    /// Connecting must finish within this (default 10 s).
    public var connectTimeout: Duration = .seconds(10)
    /// A larger response body fails with ``HTTPClientError/tooLarge(limit:)`` (default 10 MiB).
    public var maxResponseBytes: Int = 10 * 1024 * 1024
    /// Redirects followed at most (default 3).
    public var maxRedirects: Int = 3
    /// Where to write the response's body as it arrives, instead of memory (``HTTPResponse/body`` is then empty);
    /// `maxResponseBytes` still caps it.
    public var responseFile: String?
    /// Allow loopback, private, link-local and other internal addresses (default: refused at connect time).
    public var allowPrivateAddresses = false

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.init(method: method, url: url, headers: headers, parts: body.map { [.bytes($0)] })
    }

    /// Creates a request whose body is sent from pieces of memory and of files.
    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], parts: [HTTPBodyPart]?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = parts
    }
}
