import Foundation

/// A query parameter: sent as text, or as binary for `bytea` so a large upload is not hex-doubled.
public enum PostgresParameter: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByNilLiteral
{
    /// SQL NULL.
    case null
    /// A value in PostgreSQL's text format; the server converts it to the column's or the cast's type.
    case text(String)
    /// A `bytea`, sent in binary format.
    case bytes([UInt8])

    /// A text literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer literal, sent as its decimal text.
    public init(integerLiteral value: Int) { self = .text(String(value)) }
    /// `nil`, sent as SQL NULL.
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
    /// An instant (ISO 8601 with microseconds, UTC, as `timestamptz` keeps it), or NULL.
    public init(_ value: Date?) { self = value.map { .text(PostgresTimestamp.format($0)) } ?? .null }
}
