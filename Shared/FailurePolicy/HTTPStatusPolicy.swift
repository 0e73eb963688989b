/// The table of HTTP statuses: which answer is worth a retry, which means the input is bad, and which means the
/// server cannot serve. One table for every kind of server the worker talks to; they differ only in what an
/// unexpected status means (DESIGN.md §3).
public enum HTTPStatusPolicy {
    /// The server behind a request.
    public enum Server: Sendable {
        /// An AI provider: a status it should not answer (401, 402, 403, 404, a redirect, …) means it is
        /// misconfigured or out of credit.
        case provider
        /// A server holding a recording (the CRM's link): any status not listed means the recording cannot be had.
        case recordingSource
        /// A CRM taking a callback event: any status not listed means it refuses the event.
        case callbackReceiver
    }

    /// The disposition of a non-2xx `status`; `hint` is the server's own wait (`retry-after`), when it gave one.
    public static func disposition(status: Int, server: Server, hint: Duration? = nil) -> FailureDisposition {
        switch status {
        case 408, 409, 425, 429, 500...: .retry(after: hint)
        case 400, 413, 415, 422: .permanent
        default: server == .provider ? .providerUnavailable : .permanent
        }
    }
}
