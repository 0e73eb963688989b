import CallAuditCore
import Yams

extension Node {
    /// The node as JSON, by the tags YAML resolved: a quoted scalar stays a string, `true`/`false` are booleans,
    /// numbers are numbers, `null` and `~` are null; a timestamp stays the text it was written as.
    var jsonValue: JSONValue {
        get throws {
            switch self {
            case .scalar(let scalar):
                switch tag.rawValue {
                case Tag.Name.null.rawValue: return .null
                case Tag.Name.bool.rawValue: return bool.map(JSONValue.bool) ?? .string(scalar.string)
                case Tag.Name.int.rawValue: return int.map { .number(Double($0)) } ?? .string(scalar.string)
                case Tag.Name.float.rawValue: return float.map(JSONValue.number) ?? .string(scalar.string)
                default: return .string(scalar.string)
                }
            case .sequence(let sequence):
                return .array(try sequence.map { try $0.jsonValue })
            case .mapping(let mapping):
                var members: [String: JSONValue] = [:]
                for (key, value) in mapping {
                    guard let name = key.string else { throw OpenAPIDocumentError.unsupportedYAML("a key that is not a string") }
                    members[name] = try value.jsonValue
                }
                return .object(members)
            case .alias:
                throw OpenAPIDocumentError.unsupportedYAML("an alias")
            }
        }
    }
}
