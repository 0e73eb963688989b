/// Why a request failed before a response arrived. Never carries request headers (they hold API keys).
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case unsupportedScheme(String)
    /// The host is, or resolved to, a loopback, private or otherwise internal address.
    case forbiddenAddress(String)
    case tooLarge(limit: Int)
    case timeout
    case transport(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL: \(url.prefix(200))"
        case .unsupportedScheme(let scheme): "unsupported scheme \(scheme): only http and https"
        case .forbiddenAddress(let host): "\(host) is a loopback, private or internal address"
        case .tooLarge(let limit): "the response is larger than \(limit) bytes"
        case .timeout: "the request timed out"
        case .transport(let reason): "transport error: \(reason)"
        }
    }
}
