/// A method and a path template (`/v1/calls/{id}`) the ingest API serves.
struct APIRoute: Hashable, Sendable {
    var method: String
    /// The path in OpenAPI form: parameters in braces.
    var openAPIPath: String

    init(method: String, path: String) {
        self.method = method
        self.openAPIPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }
}
