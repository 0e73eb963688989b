/// A method and a path template (`/v1/calls/{id}`) the ingest API serves.
public struct APIRoute: Hashable, Sendable {
    /// `GET`, `POST`, …
    public var method: String
    /// The path in OpenAPI form: parameters in braces.
    public var openAPIPath: String

    init(method: String, path: String) {
        self.method = method
        self.openAPIPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
