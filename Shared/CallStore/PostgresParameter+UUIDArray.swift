import Foundation
import PostgresClient

extension PostgresParameter {
    /// A `uuid[]` literal, for `= ANY($1::uuid[])`.
    static func uuidArray(_ ids: [UUID]) -> PostgresParameter {
        .text("{" + ids.map { $0.uuidString.lowercased() }.joined(separator: ",") + "}")
    }
}
