extension HTTPResponse {
    /// The server's own wait before a retry: `retry-after-ms`, then `retry-after` in seconds (HTTP dates are not
    /// read); none when it gave neither.
    public var retryAfter: Duration? {
        if let milliseconds = header("retry-after-ms").flatMap(Double.init) { return Self.wait(milliseconds: milliseconds) }
        if let seconds = header("retry-after").flatMap(Double.init) { return Self.wait(milliseconds: seconds * 1000) }
        return nil
    }

    /// A server's number as a wait: none for `nan` or `inf`, and between zero and a day, so that no answer can trap
    /// the conversion to an integer.
    public static func wait(milliseconds: Double) -> Duration? {
        guard milliseconds.isFinite else { return nil }
        return .milliseconds(Int64(min(max(milliseconds, 0), 86_400_000).rounded()))
    }
}
