/// How a call's content reached CallAudit.
public enum CallSource: String, Codable, Sendable, CaseIterable {
    /// The dialog as text.
    case text
    /// A recording uploaded with the request and stored in PostgreSQL.
    case upload
    /// A recording the worker downloads from a URL.
    case url
    /// A call streamed over `GET /v1/live` as it was spoken; its recording is stored like an upload.
    case live
}
