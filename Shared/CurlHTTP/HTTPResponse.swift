/// A response: status, headers of the final response (names lowercased), body.
public struct HTTPResponse: Sendable {
    /// The HTTP status of the final response.
    public var status: Int
    /// Its headers, names lowercased.
    public var headers: [HTTPHeader]
    /// Its body.
    public var body: [UInt8]

    /// The first header of that name (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        return headers.first { $0.name == lowercased }?.value
    }

    /// The body as UTF-8 text.
    public var text: String? { String(validating: body, as: UTF8.self) }
}
