extension JSONValue: ExpressibleByStringLiteral {
    /// A string value written as a literal (`"type": "object"` in a schema).
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
