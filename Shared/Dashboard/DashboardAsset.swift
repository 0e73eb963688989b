/// A static file the dashboard serves (its style sheet and script, the API explorer's bundles), read at start.
public struct DashboardAsset: Sendable {
    /// The `Content-Type` to serve it with.
    public let contentType: String
    /// The file's bytes.
    public let bytes: [UInt8]

    /// The content type of a file name's extension.
    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: nil
        }
    }
}
