import Foundation

/// A `multipart/form-data` body, for provider uploads.
public struct MultipartFormData: Sendable {
    /// The boundary between parts.
    public let boundary: String
    private var body: [UInt8] = []

    /// Creates an empty form.
    public init(boundary: String = "callaudit-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    /// Adds a text field.
    public mutating func addField(name: String, value: String) {
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    /// Adds a file.
    public mutating func addFile(name: String, filename: String, contentType: String, data: [UInt8]) {
        body += Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
            + "Content-Type: \(contentType)\r\n\r\n").utf8)
        body += data
        body += Array("\r\n".utf8)
    }

    /// The `Content-Type` header value.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body with its closing boundary.
    public func encode() -> [UInt8] {
        body + Array("--\(boundary)--\r\n".utf8)
    }
}
