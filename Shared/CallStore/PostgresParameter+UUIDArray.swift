import Foundation
import PostgresClient

extension PostgresParameter {
    /// A `uuid[]` literal, for `= ANY($1::uuid[])`.
    static func uuidArray(_ ids: [UUID]) -> PostgresParameter {
        .text("{" + ids.map { $0.uuidString.lowercased() }.joined(separator: ",") + "}")
    }

    /// A `text[]` literal, for `= ANY($1::text[])` or `unnest`: every element quoted, with `"` and `\` escaped, byte
    /// by byte (Foundation's string replacing took a quarter of a worker's CPU on answers of a few kilobytes).
    static func textArray(_ values: [String]) -> PostgresParameter {
        let (quote, backslash) = (UInt8(ascii: "\""), UInt8(ascii: "\\"))
        var literal: [UInt8] = [UInt8(ascii: "{")]
        literal.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { literal.append(UInt8(ascii: ",")) }
            literal.append(quote)
            for byte in value.utf8 {
                if byte == quote || byte == backslash { literal.append(backslash) }
                literal.append(byte)
            }
            literal.append(quote)
        }
        literal.append(UInt8(ascii: "}"))
        return .text(String(decoding: literal, as: UTF8.self))
    }
}
