import Testing

@testable import CallStore

/// The binary `report_criterion[]` the reports read: what PostgreSQL sends decodes, and a cut or malformed value is a
/// clear error, never a crash.
@Suite("Running totals' binary arrays")
struct CriterionTotalTests {
    static func int32(_ value: Int32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func int64(_ value: Int64) -> [UInt8] { withUnsafeBytes(of: value.bigEndian, Array.init) }
    static func field(_ bytes: [UInt8]) -> [UInt8] { int32(25) + int32(Int32(bytes.count)) + bytes }

    static func array(_ totals: [CriterionTotal]) -> [UInt8] {
        var bytes = int32(1) + int32(0) + int32(16_400) + int32(Int32(totals.count)) + int32(1)
        for total in totals {
            let record = int32(4) + field(Array(total.key.utf8)) + field(Array(total.name.utf8))
                + field(int64(Int64(total.scoreSum))) + field(int32(Int32(total.calls)))
            bytes += int32(Int32(record.count)) + record
        }
        return bytes
    }

    @Test("elements decode with their text, sums and counts; an empty array is no elements")
    func decodes() throws {
        let totals = [CriterionTotal(key: "rapport", name: "Приветствие, 인사", scoreSum: 12_345_678_901, calls: 7),
                      CriterionTotal(key: "next_step", name: "", scoreSum: -40, calls: -1)]
        #expect(try CriterionTotal.decodeArray(Self.array(totals)) == totals)
        #expect(try CriterionTotal.decodeArray(Self.int32(0) + Self.int32(0) + Self.int32(16_400)).isEmpty)
    }

    @Test("a cut value, a record of another shape or a NULL field is refused as a corrupt row")
    func refusesMalformed() {
        let whole = Self.array([CriterionTotal(key: "k", name: "K", scoreSum: 5, calls: 1)])
        var nullField = whole
        nullField.replaceSubrange(32..<37, with: Self.int32(-1))  // the key: length -1 and no bytes
        for bytes in [Array(whole.dropLast()), Array(whole.prefix(10)), Self.int32(2) + whole.dropFirst(4), nullField] {
            #expect(throws: CallStoreError.self) { try CriterionTotal.decodeArray(bytes) }
        }
    }
}
