import CallAuditCore
import Foundation
import Yams

/// The API contract: the checked-in `openapi.yaml`, read once at start and served as it is at `/openapi.yaml` and
/// converted at `/openapi.json`. `OpenAPITests` holds the router and every response the API tests receive against it.
public struct OpenAPIDocument: Sendable {
    /// The file's text.
    public let yaml: String
    /// The same document as JSON (keys sorted).
    public let json: String
    /// The same document as a value.
    public let value: JSONValue

    /// Parses `yaml`; a file that is not a YAML mapping with an `openapi` version is refused.
    public init(yaml: String) throws {
        guard let node = try Yams.compose(yaml: yaml), case .object(let members) = try node.jsonValue,
              case .string(let version) = members["openapi"], version.hasPrefix("3.")
        else { throw OpenAPIDocumentError.notOpenAPI }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.yaml = yaml
        self.value = .object(members)
        self.json = String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Why a file is not an API description.
enum OpenAPIDocumentError: Error, CustomStringConvertible {
    case notOpenAPI
    case unsupportedYAML(String)

    var description: String {
        switch self {
        case .notOpenAPI: "it is not an OpenAPI 3 document (a YAML mapping with an openapi version)"
        case .unsupportedYAML(let what): "it uses \(what), which the API description does not support"
        }
    }
}
