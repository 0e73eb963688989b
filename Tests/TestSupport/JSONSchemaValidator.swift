import CallAuditCore
import Foundation

/// Checks JSON values against the JSON Schema subset the OpenAPI file uses: `type` (a name or a list, `null`
/// included; `integer` is a whole number), `enum`, `const`, `properties`, `required`, `additionalProperties`,
/// `items`, `minimum`, `maximum`, `minLength`, `maxLength`, `$ref` into the same document (its sibling keywords
/// apply too, as in OpenAPI 3.1), `allOf`, `anyOf` and `oneOf`. `format`, descriptions and examples are not checked.
public struct JSONSchemaValidator: Sendable {
    /// The document `$ref`s point into (`#/components/schemas/Call`).
    public let root: JSONValue

    /// A validator resolving references in `root`.
    public init(root: JSONValue) {
        self.root = root
    }

    /// What is wrong with `value` under `schema`, each problem naming its place (`$.calls[0].stage`); empty when the
    /// value conforms.
    public func problems(of value: JSONValue, against schema: JSONValue, at place: String = "$") -> [String] {
        guard case .object(let keywords) = schema else {
            return schema == .bool(false) ? ["\(place): no value is allowed here"] : []
        }
        var found: [String] = []
        if case .string(let reference)? = keywords["$ref"] {
            guard let target = resolve(reference) else { return ["\(place): $ref \(reference) points nowhere"] }
            found += problems(of: value, against: target, at: place)
        }
        if let types = keywords["type"], !Self.names(types).contains(where: { Self.value(value, isOfType: $0) }) {
            return found + ["\(place): \(Self.describe(value)) is not of type \(Self.names(types).joined(separator: " or "))"]
        }
        if case .array(let allowed)? = keywords["enum"], !allowed.contains(value) {
            found.append("\(place): \(Self.describe(value)) is not one of \(allowed.map(Self.describe).joined(separator: ", "))")
        }
        if let constant = keywords["const"], constant != value {
            found.append("\(place): \(Self.describe(value)) is not \(Self.describe(constant))")
        }
        found += bounds(of: value, keywords, at: place)
        found += members(of: value, keywords, at: place)
        found += combinations(of: value, keywords, at: place)
        return found
    }

    /// The value a local reference (`#/components/schemas/Call`) points to.
    public func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var current = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[key] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    func bounds(of value: JSONValue, _ keywords: [String: JSONValue], at place: String) -> [String] {
        var found: [String] = []
        if case .number(let number) = value {
            if case .number(let minimum)? = keywords["minimum"], number < minimum { found.append("\(place): \(number) is below \(minimum)") }
            if case .number(let maximum)? = keywords["maximum"], number > maximum { found.append("\(place): \(number) is above \(maximum)") }
        }
        if case .string(let text) = value {
            if case .number(let minimum)? = keywords["minLength"], Double(text.count) < minimum {
                found.append("\(place): shorter than \(Int(minimum)) characters")
            }
            if case .number(let maximum)? = keywords["maxLength"], Double(text.count) > maximum {
                found.append("\(place): longer than \(Int(maximum)) characters")
            }
        }
        return found
    }

    func members(of value: JSONValue, _ keywords: [String: JSONValue], at place: String) -> [String] {
        var found: [String] = []
        if case .object(let object) = value {
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where object[name] == nil { found.append("\(place): \(name) is missing") }
            }
            let properties: [String: JSONValue]
            if case .object(let declared)? = keywords["properties"] { properties = declared } else { properties = [:] }
            for (name, member) in object.sorted(by: { $0.key < $1.key }) {
                if let schema = properties[name] {
                    found += problems(of: member, against: schema, at: "\(place).\(name)")
                } else if let additional = keywords["additionalProperties"] {
                    found += additional == .bool(false)
                        ? ["\(place): \(name) is not a documented member"]
                        : problems(of: member, against: additional, at: "\(place).\(name)")
                }
            }
        }
        if case .array(let items) = value, let schema = keywords["items"] {
            for (index, item) in items.enumerated() { found += problems(of: item, against: schema, at: "\(place)[\(index)]") }
        }
        return found
    }

    func combinations(of value: JSONValue, _ keywords: [String: JSONValue], at place: String) -> [String] {
        var found: [String] = []
        if case .array(let all)? = keywords["allOf"] {
            for schema in all { found += problems(of: value, against: schema, at: place) }
        }
        if case .array(let any)? = keywords["anyOf"], !any.contains(where: { problems(of: value, against: $0, at: place).isEmpty }) {
            found.append("\(place): \(Self.describe(value)) matches none of anyOf")
        }
        if case .array(let one)? = keywords["oneOf"] {
            let matches = one.filter { problems(of: value, against: $0, at: place).isEmpty }.count
            if matches != 1 { found.append("\(place): \(Self.describe(value)) matches \(matches) of oneOf, not exactly one") }
        }
        return found
    }

    static func names(_ types: JSONValue) -> [String] {
        switch types {
        case .string(let name): [name]
        case .array(let list): list.compactMap { item -> String? in
            guard case .string(let name) = item else { return nil }
            return name
        }
        default: []
        }
    }

    static func value(_ value: JSONValue, isOfType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
             ("object", .object): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }

    /// A short rendering of a value for a message.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? "\(Int(number))" : "\(number)"
        case .string(let text): "\"\(text.prefix(60))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
