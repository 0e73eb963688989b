/// One criterion's entry in a `report_criterion[]` of the running totals (see
/// ``CallStoreMigrations/criterionTotals``): the score sum and count of a series' calls up to the end of a day.
struct CriterionTotal: Equatable {
    var key: String
    var name: String
    var scoreSum: Int
    var calls: Int

    /// Decodes PostgreSQL's binary form of a one-dimensional `report_criterion[]` (an array header, then each element
    /// as a record of `text`, `text`, `bigint`, `integer`). Reading it in binary spares the server the text form of
    /// twenty thousand records for a month of every manager.
    static func decodeArray(_ bytes: [UInt8]) throws -> [CriterionTotal] {
        var reader = BinaryReader(bytes: bytes)
        let dimensions = try reader.int32()
        guard dimensions == 1 else {
            guard dimensions == 0 else { throw CallStoreError.corruptRow("report_criterion_totals") }
            return []
        }
        _ = try reader.int32()  // whether there are NULL elements
        _ = try reader.int32()  // the element type
        let count = try reader.int32()
        _ = try reader.int32()  // the lower bound
        var totals: [CriterionTotal] = []
        totals.reserveCapacity(count)
        for _ in 0..<count {
            guard try reader.int32() >= 0, try reader.int32() == 4 else { throw CallStoreError.corruptRow("report_criterion_totals") }
            totals.append(CriterionTotal(key: try reader.text(), name: try reader.text(), scoreSum: try reader.integer(),
                                         calls: try reader.integer()))
        }
        return totals
    }
}

/// Reads a binary-format array of records from the front: big-endian integers, and fields as a type oid, a length and
/// the value's bytes.
private struct BinaryReader {
    let bytes: [UInt8]
    var position = 0

    mutating func int32() throws -> Int {
        Int(Int32(truncatingIfNeeded: try Self.unsigned(take(4))))
    }

    /// A `text` field.
    mutating func text() throws -> String {
        String(decoding: try field(), as: UTF8.self)
    }

    /// An `integer` or `bigint` field.
    mutating func integer() throws -> Int {
        let value = try field()
        switch value.count {
        case 4: return Int(Int32(truncatingIfNeeded: Self.unsigned(value)))
        case 8: return Int(Int64(bitPattern: Self.unsigned(value)))
        default: throw CallStoreError.corruptRow("report_criterion_totals")
        }
    }

    /// A field's bytes after its type oid and length; a NULL field is refused.
    private mutating func field() throws -> ArraySlice<UInt8> {
        _ = try take(4)
        let length = try int32()
        guard length >= 0 else { throw CallStoreError.corruptRow("report_criterion_totals") }
        return try take(length)
    }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard position + count <= bytes.count else { throw CallStoreError.corruptRow("report_criterion_totals") }
        defer { position += count }
        return bytes[position..<position + count]
    }

    private static func unsigned(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
