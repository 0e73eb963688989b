import Foundation
import Hummingbird

/// A table rendered as RFC 4180 CSV, for `Accept: text/csv`.
struct CSVTable: ResponseGenerator {
    var header: [String]
    var rows: [[String]]
    var filename: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var text = Self.line(header)
        for row in rows { text += Self.line(row) }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\""],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// Quotes a cell that holds a comma, quote or line break; a cell that a spreadsheet would run as a formula gets a
    /// leading apostrophe.
    static func escape(_ cell: String) -> String {
        var value = cell
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        let special: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")]
        guard value.utf8.contains(where: special.contains) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A figure with two decimals.
    static func number(_ value: Double) -> String {
        fixed(value, decimals: 2)
    }

    /// `value` with `decimals` (at most 9) digits after the point, as `%.<decimals>f` prints the report's figures (which
    /// are rounded to at most that many decimals already); `String(format:)` took a quarter of a thousand managers'
    /// CSV.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var power = 1
        for _ in 0..<decimals { power *= 10 }
        let scaled = (value.magnitude * Double(power)).rounded(.toNearestOrEven)
        guard scaled < 1e15 else { return String(format: "%.\(decimals)f", value) }
        let units = Int(scaled)
        let sign = value.sign == .minus ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        let fraction = String(units % power)
        return sign + String(units / power) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
