import Foundation

/// Compact JSON written value by value into bytes, for answers of thousands of objects (every manager's
/// report): `JSONEncoder` builds a tree of boxed values first and took most of such a request's time. The caller writes
/// the keys in the order it wants; dates are ISO 8601 without fractional seconds, as the API's `JSONEncoder` writes them.
struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the container being written has no element yet (no comma before the next one).
    private var atFirstElement = true
    /// Whether a key was just written (its value needs no comma).
    private var afterKey = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// An object whose fields `body` writes.
    mutating func object(_ body: (inout JSONTextWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// An array whose elements `body` writes.
    mutating func array(_ body: (inout JSONTextWriter) throws -> Void) rethrows {
        try container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// A field's key; the next value written is its value.
    mutating func key(_ name: String) {
        beginValue()
        writeQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    private mutating func string(_ value: String) {
        beginValue()
        writeQuoted(value)
    }

    private mutating func int(_ value: Int) {
        beginValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite number in its shortest form that reads back as the same `Double`; like `JSONEncoder`, a value that is
    /// not finite is refused.
    private mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not a JSON number"))
        }
        beginValue()
        bytes.append(contentsOf: value.description.utf8)
    }

    private mutating func date(_ value: Date) {
        string(value.formatted(.iso8601))
    }

    /// A field whose value is text.
    mutating func field(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// A field whose value is an integer; a `nil` value leaves the field out.
    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    /// A field whose value is a number.
    mutating func field(_ name: String, _ value: Double) throws {
        key(name)
        try double(value)
    }

    /// A field whose value is a moment.
    mutating func field(_ name: String, _ value: Date) {
        key(name)
        date(value)
    }

    private mutating func writeQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var plainFrom = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
                Self.writeEscaped(byte, into: &bytes)
                plainFrom = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONTextWriter) throws -> Void) rethrows {
        beginValue()
        bytes.append(open)
        atFirstElement = true
        try body(&self)
        bytes.append(close)
        atFirstElement = false
    }

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else {
            if !atFirstElement { bytes.append(UInt8(ascii: ",")) }
            atFirstElement = false
        }
    }

    private static func writeEscaped(_ byte: UInt8, into bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: bytes += [backslash, byte]
        case UInt8(ascii: "\n"): bytes += [backslash, UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): bytes += [backslash, UInt8(ascii: "r")]
        case UInt8(ascii: "\t"): bytes += [backslash, UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
    }
}
