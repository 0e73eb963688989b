import Foundation

/// A `multipart/form-data` body, for provider uploads. A file's content may be a file on disk, which is read as the
/// body is sent.
public struct MultipartFormData: Sendable {
    /// The boundary between parts.
    public let boundary: String
    private var parts: [HTTPBodyPart] = []

    /// Creates an empty form.
    public init(boundary: String = "callaudit-\(UUID().uuidString)") {
        self.boundary = boundary
    }

    /// Adds a text field.
    public mutating func addField(name: String, value: String) {
        parts.append(.bytes(Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)))
    }

    /// Adds a file held in memory.
    public mutating func addFile(name: String, filename: String, contentType: String, data: [UInt8]) {
        addFile(name: name, filename: filename, contentType: contentType, content: [.bytes(data)])
    }

    /// Adds a file whose content is `content` (pieces of memory and of files on disk).
    public mutating func addFile(name: String, filename: String, contentType: String, content: [HTTPBodyPart]) {
        parts.append(.bytes(Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
            + "Content-Type: \(contentType)\r\n\r\n").utf8)))
        parts += content
        parts.append(.bytes(Array("\r\n".utf8)))
    }

    /// The `Content-Type` header value.
    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The encoded body with its closing boundary.
    public func encode() -> [HTTPBodyPart] {
        parts + [.bytes(Array("--\(boundary)--\r\n".utf8))]
    }
}
