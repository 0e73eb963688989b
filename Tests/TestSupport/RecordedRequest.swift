import Foundation

/// A request ``FakeProviderServer`` received, with its multipart parts or JSON body decoded.
public struct RecordedRequest: Sendable {
    /// One part of a `multipart/form-data` body.
    public struct Part: Sendable, Equatable {
        /// The field name.
        public var name: String
        /// The file name, for a file part.
        public var filename: String?
        /// The part's `Content-Type`, if given.
        public var contentType: String?
        /// The part's bytes.
        public var data: [UInt8]

        /// The part as text.
        public var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// `POST`, …
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The query string, without `?`.
    public var query: String
    /// Headers, names lowercased.
    public var headers: [String: String]
    /// The raw body.
    public var body: [UInt8]

    /// The parts of a multipart body (empty for other bodies).
    public var parts: [Part] {
        guard let type = headers["content-type"], let range = type.range(of: "boundary=") else { return [] }
        return Self.parse(body, boundary: String(type[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
    }

    /// The multipart field `name` as text.
    public func field(_ name: String) -> String? {
        parts.first { $0.name == name }?.text
    }

    /// The body parsed as a JSON object.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    static func parse(_ body: [UInt8], boundary: String) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [Part] = []
        var sections: [[UInt8]] = []
        var start: Int?
        var index = 0
        while index + delimiter.count <= body.count {
            if body[index..<index + delimiter.count].elementsEqual(delimiter) {
                if let start { sections.append(Array(body[start..<index])) }
                start = index + delimiter.count
                index += delimiter.count
            } else {
                index += 1
            }
        }
        for section in sections {
            guard let split = Self.find([13, 10, 13, 10], in: section) else { continue }
            let head = String(decoding: section[0..<split], as: UTF8.self)
            var data = Array(section[(split + 4)...])
            if data.suffix(2) == [13, 10] { data.removeLast(2) }
            var name: String?, filename: String?, contentType: String?
            for line in head.components(separatedBy: "\r\n") {
                let lowercased = line.lowercased()
                if lowercased.hasPrefix("content-disposition:") {
                    name = Self.attribute("name", in: line)
                    filename = Self.attribute("filename", in: line)
                } else if lowercased.hasPrefix("content-type:") {
                    contentType = line.dropFirst("content-type:".count).trimmingCharacters(in: .whitespaces)
                }
            }
            if let name { parts.append(Part(name: name, filename: filename, contentType: contentType, data: data)) }
        }
        return parts
    }

    static func attribute(_ key: String, in line: String) -> String? {
        guard let range = line.range(of: " \(key)=\"") ?? line.range(of: ";\(key)=\"") else { return nil }
        let rest = line[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
