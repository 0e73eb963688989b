import Foundation

/// One value of a result row, as PostgreSQL's text format (or, when asked, its binary format) gives it, decoded on demand.
public struct PostgresCell: Sendable {
    /// The raw text bytes; `nil` for NULL.
    let raw: [UInt8]?

    /// Whether the value is SQL NULL.
    public var isNull: Bool { raw == nil }
    /// The text, as UTF-8.
    public var string: String? { raw.map { String(decoding: $0, as: UTF8.self) } }
    /// An integer column's value; `nil` for NULL or text that is not an integer.
    public var int: Int? { string.flatMap { Int($0) } }
    /// A floating-point or integer column's value (`NaN`, `Infinity` included).
    public var double: Double? { string.flatMap { Double($0) } }
    /// A `boolean` (`t` or `f`); `nil` for NULL or any other text.
    public var bool: Bool? {
        switch string {
        case "t", "true": true
        case "f", "false": false
        default: nil
        }
    }
    /// A `uuid`.
    public var uuid: UUID? { string.flatMap(UUID.init(uuidString:)) }
    /// A `timestamptz` (`2026-11-24 09:25:42.123456+00`).
    public var date: Date? { string.flatMap(PostgresTimestamp.parse) }
    /// The value as a binary-format result gives it (a `bytea`'s own bytes); `nil` for NULL.
    public var binary: [UInt8]? { raw }
    /// A `bytea` in hex output (`\x0102…`).
    public var bytes: [UInt8]? {
        guard let raw, raw.count >= 2, raw[0] == UInt8(ascii: "\\"), raw[1] == UInt8(ascii: "x") else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((raw.count - 2) / 2)
        var index = 2
        while index + 1 < raw.count {
            guard let high = Self.nibble(raw[index]), let low = Self.nibble(raw[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
