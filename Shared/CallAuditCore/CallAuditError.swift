/// An error with a stable code and a message fit to show to the caller.
///
/// The ingest API renders these as `{"error": {"code", "message"}}` with ``status``.
public struct CallAuditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// HTTP status to answer with.
    public let status: Int
    /// Stable machine-readable code, e.g. `invalid_mode`.
    public let code: String
    /// What went wrong, naming the field at fault.
    public let message: String

    /// Creates an error.
    public init(status: Int, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    /// A 400 for a bad field or body.
    public static func badRequest(_ code: String, _ message: String) -> CallAuditError {
        CallAuditError(status: 400, code: code, message: message)
    }

    /// A 404 for something that does not exist.
    public static func notFound(_ message: String) -> CallAuditError {
        CallAuditError(status: 404, code: "not_found", message: message)
    }

    /// A 503 for a dependency that is down.
    public static func unavailable(_ message: String) -> CallAuditError {
        CallAuditError(status: 503, code: "unavailable", message: message)
    }

    public var description: String { "\(code): \(message)" }
}
