/// A response: status, headers of the final response (names lowercased), body.
public struct HTTPResponse: Sendable {
    /// The HTTP status of the final response.
    public var status: Int
    /// Its headers, names lowercased.
    public var headers: [HTTPHeader]
    /// Its body.
    public var body: [UInt8]

    /// Creates a response (a streamed one, put together).
    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        return headers.first { $0.name == lowercased }?.value
    }

    /// The body as UTF-8 text.
    public var text: String? { String(validating: body, as: UTF8.self) }
}
