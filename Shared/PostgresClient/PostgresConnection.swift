import BlockingPool
import CLibpq
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection. Used only inside ``PostgresPool`` closures, on a thread-pool thread.
public final class PostgresConnection: BlockingConnection, @unchecked Sendable {
    // @unchecked: the pool hands this connection to one thread at a time; `connection` is only touched by that thread.
    private let connection: OpaquePointer

    init(configuration: PostgresConfiguration) throws {
        let keywords = ["dbname", "connect_timeout", "options", "keepalives", "keepalives_idle", "application_name"]
        let values = [
            configuration.connectionString, String(configuration.connectTimeoutSeconds),
            "-c statement_timeout=\(configuration.statementTimeoutMilliseconds) -c TimeZone=UTC", "1", "30", "callaudit",
        ]
        let handle = Self.withCStrings(keywords) { keywordPointers in
            Self.withCStrings(values) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let handle else { throw PostgresError(sqlState: "08000", message: "cannot allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(sqlState: "08001", message: message)
        }
        connection = handle
    }

    deinit {
        PQfinish(connection)
    }

    /// Whether the server went away; the pool then opens a new connection.
    public var isBroken: Bool { PQstatus(connection) != CONNECTION_OK }

    /// Whether a transaction is open or failed on this connection.
    var isInTransaction: Bool { PQtransactionStatus(connection) != PQTRANS_IDLE }

    /// Runs one parameterized statement (`$1`, `$2`, …).
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresParameter] = []) throws -> PostgresResult {
        let result = Self.withParameters(parameters) { values, lengths, formats in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, lengths, formats, 0)
        }
        return try take(result)
    }

    /// Runs several statements without parameters (migrations).
    public func execute(script: String) throws {
        _ = try take(PQexec(connection, script))
    }

    private func take(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else {
            throw PostgresError(sqlState: nil, message: Self.text(PQerrorMessage(connection)))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? Self.text(PQerrorMessage(connection))
            throw PostgresError(sqlState: sqlState ?? (isBroken ? "08006" : nil), message: message)
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = PostgresColumns(names: (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) })
        var rows: [PostgresRow] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var cells: [PostgresCell] = []
            cells.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    cells.append(PostgresCell(raw: nil))
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let value = PQgetvalue(result, row, column)!
                    cells.append(PostgresCell(raw: value.withMemoryRebound(to: UInt8.self, capacity: length) {
                        Array(UnsafeBufferPointer(start: $0, count: length))
                    }))
                }
            }
            rows.append(PostgresRow(columns: columns, cells: cells))
        }
        return PostgresResult(rows: rows, affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0)
    }

    /// Pins every parameter's bytes for the duration of the call, without copying (a large `bytea` stays single).
    static func withParameters<R>(
        _ parameters: [PostgresParameter],
        _ body: ([UnsafePointer<CChar>?], [Int32], [Int32]) -> R
    ) -> R {
        var values: [UnsafePointer<CChar>?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        func pin(_ index: Int) -> R {
            guard index < parameters.count else { return body(values, lengths, formats) }
            switch parameters[index] {
            case .null:
                values.append(nil)
                lengths.append(0)
                formats.append(0)
                return pin(index + 1)
            case .text(let text):
                return text.withCString { pointer in
                    values.append(pointer)
                    lengths.append(0)
                    formats.append(0)
                    return pin(index + 1)
                }
            case .bytes(let bytes):
                return (bytes.isEmpty ? [0] : bytes).withUnsafeBufferPointer { buffer in
                    values.append(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self))
                    lengths.append(Int32(bytes.count))
                    formats.append(1)
                    return pin(index + 1)
                }
            }
        }
        return pin(0)
    }

    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }
}
