import CallAuditCore
import Foundation

/// An OpenAPI 3.1 document as a contract for responses: which (method, path) it describes, which statuses and
/// content types each answers, and whether a JSON body fits the response's schema.
public struct OpenAPIContract: Sendable {
    /// The whole document.
    public let document: JSONValue
    /// Validates against the document's schemas.
    public let validator: JSONSchemaValidator

    /// The contract of the document `json` (the text of `/openapi.json`).
    public init(json: String) throws {
        self.init(document: try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)))
    }

    /// The contract of a document already parsed.
    public init(document: JSONValue) {
        self.document = document
        validator = JSONSchemaValidator(root: document)
    }

    /// The document's path templates (`/v1/calls/{id}`) with their operations by lowercase method.
    public var paths: [String: [String: JSONValue]] {
        guard case .object(let paths)? = document["paths"] else { return [:] }
        return paths.compactMapValues { path -> [String: JSONValue]? in
            guard case .object(let operations) = path else { return nil }
            return operations
        }
    }

    /// The template a concrete path (query left off) falls under; a template with more literal segments wins
    /// (`/v1/calls/audio` over `/v1/calls/{id}`).
    public func template(of path: String) -> String? {
        let segments = path.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "/", omittingEmptySubsequences: false) } ?? []
        return paths.keys.filter { template in
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == segments.count
                && zip(parts, segments).allSatisfy { part, segment in part.hasPrefix("{") ? !segment.isEmpty : part == segment }
        }.max { $0.filter { $0 == "{" }.count > $1.filter { $0 == "{" }.count }
    }

    /// What is wrong with one response: an operation the document does not describe, a status it does not list, a
    /// required header missing (`headers` by lowercase name), a content type it does not name, or a JSON body that does
    /// not fit the schema. Empty when it conforms. The
    /// router's own `404`/`405` for what is not routed, and CORS preflights (`OPTIONS`), are not the document's.
    public func problems(method: String, path: String, status: Int, headers: [String: String], body: Data) -> [String] {
        let method = method.lowercased()
        if method == "options" { return [] }
        guard let template = template(of: path), case .object(let operation)? = paths[template]?[method] else {
            return [404, 405].contains(status) ? [] : ["\(method.uppercased()) \(path) is not in the document"]
        }
        let name = "\(method.uppercased()) \(template) \(status)"
        guard case .object(let responses)? = operation["responses"],
              let listed = responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"]
        else { return ["\(name): the document lists no such status"] }
        let response = dereference(listed)
        var found: [String] = []
        if case .object(let documented)? = response["headers"] {
            for (header, description) in documented where dereference(description)["required"] == .bool(true) {
                if headers[header.lowercased()] == nil { found.append("\(name): the header \(header) is missing") }
            }
        }
        guard case .object(let content)? = response["content"] else {
            return found + (body.isEmpty ? [] : ["\(name): the document names no body, but one came"])
        }
        let contentType = headers["content-type"] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let media = content[mediaType] else {
            return found + ["\(name): content type \(mediaType.isEmpty ? "none" : mediaType) is not one of \(content.keys.sorted())"]
        }
        guard mediaType == "application/json" || mediaType.hasSuffix("+json"), let schema = media["schema"] else { return found }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else { return found + ["\(name): the body is not JSON"] }
        return found + validator.problems(of: value, against: schema).map { "\(name): \($0)" }
    }

    /// The object a `$ref` points to, or the value itself.
    public func dereference(_ value: JSONValue) -> JSONValue {
        if case .string(let reference)? = value["$ref"], let target = validator.resolve(reference) { return target }
        return value
    }
}

extension JSONValue {
    /// A member of an object; `nil` for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }
}
