import BlockingPool
import CLibpq
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection. Used only inside ``PostgresPool`` closures, on a thread-pool thread.
public final class PostgresConnection: BlockingConnection, @unchecked Sendable {
    // @unchecked: the pool hands this connection to one thread at a time; `connection` and `failed` are only touched by
    // that thread, and the pool reads `isBroken` only after that thread's work has completed.
    private let connection: OpaquePointer
    private let logger: Logger
    private let connectionString: PostgresConnectionString
    /// Set once a statement failed with a connection-class error, even if libpq still reports the connection as OK.
    private var failed = false

    init(configuration: PostgresConfiguration, logger: Logger) throws {
        let parsed = PostgresConnectionString(configuration.connectionString)
        // JIT compiling a query costs more than any of ours takes to run: 0.2–0.5 s on a report over a month of aggregates.
        let options = [parsed.settings["options"], "-c statement_timeout=\(configuration.statementTimeoutMilliseconds)",
                       "-c TimeZone=UTC", "-c DateStyle=ISO", "-c jit=off"].compactMap { $0 }.joined(separator: " ")
        let settings = [
            ("dbname", configuration.connectionString), ("connect_timeout", String(configuration.connectTimeoutSeconds)),
            ("options", options), ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"),
            ("keepalives_count", "3"), ("application_name", parsed.settings["application_name"] ?? "callaudit"),
        ]
        let handle = Self.withCStrings(settings.map(\.0)) { keywordPointers in
            Self.withCStrings(settings.map(\.1)) { valuePointers in PQconnectdbParams(keywordPointers, valuePointers, 1) }
        }
        guard let handle else { throw PostgresError(sqlState: "08000", message: "cannot allocate a connection") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = parsed.redact(Self.text(PQerrorMessage(handle)))
            PQfinish(handle)
            throw PostgresError(sqlState: "08001", message: message)
        }
        connection = handle
        self.logger = logger
        connectionString = parsed
        PQsetNoticeReceiver(handle, { context, result in
            guard let context, let result else { return }
            let connection = Unmanaged<PostgresConnection>.fromOpaque(context).takeUnretainedValue()
            connection.log(notice: result)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        PQfinish(connection)
    }

    /// `true` once the connection cannot be used again; the pool then drops it and the next use reconnects.
    public var isBroken: Bool { failed || PQstatus(connection) != CONNECTION_OK }

    /// Reconnects when the server has closed this idle connection (it was restarted, or terminated the backend), so
    /// that a connection that died while idle in the pool fails no query. Reads only what has already arrived.
    func reopenIfServerClosed() throws {
        guard failed || serverClosed else { return }
        logger.debug("PostgreSQL closed an idle connection; reconnecting")
        PQreset(connection)
        guard PQstatus(connection) == CONNECTION_OK else {
            throw PostgresError(sqlState: "08001", message: connectionString.redact(Self.text(PQerrorMessage(connection))))
        }
        failed = false
    }

    /// Whether the server has closed the connection: reads what has arrived (the server's goodbye, then end of file,
    /// so twice) without waiting.
    private var serverClosed: Bool {
        for _ in 0..<2 where PQconsumeInput(connection) == 0 { return true }
        return PQstatus(connection) != CONNECTION_OK
    }

    /// Rolls back a transaction that a failed or careless caller left open; drops the connection if that fails.
    func endAbandonedTransaction() {
        guard !isBroken, PQtransactionStatus(connection) != PQTRANS_IDLE else { return }
        do {
            try query("ROLLBACK")
        } catch {
            failed = true
        }
    }

    /// Runs one parameterized statement (`$1`, `$2`, …). With `binaryResults` every column comes in PostgreSQL's
    /// binary format (read it with ``PostgresCell/binary``): a `bytea` arrives as its bytes, not hex-doubled.
    @discardableResult
    public func query(_ sql: String, _ parameters: [PostgresParameter] = [], binaryResults: Bool = false) throws
        -> PostgresResult
    {
        let result = Self.withParameters(parameters) { values, lengths, formats in
            PQexecParams(connection, sql, Int32(parameters.count), nil, values, lengths, formats, binaryResults ? 1 : 0)
        }
        return try take(result)
    }

    /// Runs several statements without parameters (migrations).
    public func execute(script: String) throws {
        _ = try take(PQexec(connection, script))
    }

    private func take(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else {
            throw fail(PostgresError(sqlState: isBroken ? "08006" : nil, message: Self.text(PQerrorMessage(connection))))
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? Self.text(PQerrorMessage(connection))
            throw fail(PostgresError(sqlState: sqlState ?? (isBroken ? "08006" : nil), message: message))
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

    /// Remembers a connection-class error so that the pool drops this connection.
    private func fail(_ error: PostgresError) -> PostgresError {
        if error.isConnectionError { failed = true }
        return error
    }

    /// Logs a server notice or warning (e.g. `CREATE TABLE IF NOT EXISTS` skipping) instead of printing it.
    private func log(notice result: OpaquePointer) {
        let severity = PQresultErrorField(result, Int32(UInt8(ascii: "V"))).map { String(cString: $0) } ?? "NOTICE"
        let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) } ?? ""
        logger.log(level: severity == "WARNING" ? .warning : .debug, "PostgreSQL \(severity): \(message)")
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
