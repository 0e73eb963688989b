import Foundation

/// A query parameter: sent as text, or as binary for `bytea` so a large upload is not hex-doubled.
public enum PostgresParameter: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral
{
    case null
    case text(String)
    case bytes([UInt8])

    /// A text literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .text(String(value)) }
    /// NULL.
    public init(nilLiteral: ()) { self = .null }

    /// A text, or NULL.
    public init(_ value: String?) { self = value.map(Self.text) ?? .null }
    /// An integer, or NULL.
    public init(_ value: Int?) { self = value.map { .text(String($0)) } ?? .null }
    /// A double, or NULL.
    public init(_ value: Double?) { self = value.map { .text(String($0)) } ?? .null }
    /// A boolean, or NULL.
    public init(_ value: Bool?) { self = value.map { .text($0 ? "true" : "false") } ?? .null }
    /// A UUID, or NULL.
    public init(_ value: UUID?) { self = value.map { .text($0.uuidString.lowercased()) } ?? .null }
    /// An instant (ISO 8601 with fractional seconds, UTC), or NULL.
    public init(_ value: Date?) {
        self = value.map { .text($0.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))) } ?? .null
    }
}
