import Foundation
import PostgresClient

extension PostgresParameter {
    /// A `uuid[]` literal, for `= ANY($1::uuid[])`.
    static func uuidArray(_ ids: [UUID]) -> PostgresParameter {
        .text("{" + ids.map { $0.uuidString.lowercased() }.joined(separator: ",") + "}")
    }

    /// A `text[]` literal, for `= ANY($1::text[])`: every element quoted, with `"` and `\` escaped.
    static func textArray(_ values: [String]) -> PostgresParameter {
        let elements = values.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        return .text("{" + elements.joined(separator: ",") + "}")
    }
}
