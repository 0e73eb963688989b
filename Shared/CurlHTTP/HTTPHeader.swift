/// One HTTP header.
public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
