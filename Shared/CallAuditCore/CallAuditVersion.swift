/// The version both services answer to `--version` and report in their start-up log line.
public enum CallAuditVersion {
    /// The release this source tree builds.
    public static let current = "0.3.0"
}
