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
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
