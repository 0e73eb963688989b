/// An outbound request with its limits.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// An http or https URL.
    public var url: String
    /// Headers to send (never echoed in errors).
    public var headers: [HTTPHeader]
    /// The body to send, if any.
    public var body: [UInt8]?
    /// The whole exchange must finish within this (default 30 s).
    public var timeout: Duration = .seconds(30)
    /// Connecting must finish within this (default 10 s).
    public var connectTimeout: Duration = .seconds(10)
    /// A larger response body fails with ``HTTPClientError/tooLarge(limit:)`` (default 10 MiB).
    public var maxResponseBytes: Int = 10 * 1024 * 1024
    /// Redirects followed at most (default 3).
    public var maxRedirects: Int = 3
    /// Allow loopback, private, link-local and other internal addresses (default: refused at connect time).
    public var allowPrivateAddresses = false

    /// Creates a request.
    public init(method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}
