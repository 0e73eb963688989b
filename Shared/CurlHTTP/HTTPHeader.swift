/// One HTTP header.
public struct HTTPHeader: Sendable, Equatable {
    /// The header's name (lowercased in responses).
    public var name: String
    /// Its value.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
