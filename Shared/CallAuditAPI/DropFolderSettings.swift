import CallAuditCore

/// The drop folder (`INBOX_DIR`): every recording or `.txt` dialog that appears in it becomes a call (README: Drop
/// folder).
public struct DropFolderSettings: Sendable {
    /// The folder watched (`INBOX_DIR`).
    public var path: String
    /// How often it is read (`INBOX_SCAN_MILLISECONDS`, default 1000).
    public var scanInterval: Duration
    /// How long a file's size and time must stay the same before it is taken (`INBOX_SETTLE_SECONDS`, default 2):
    /// a file still being copied in is left alone.
    public var settle: Duration
    /// How long a claimed file may wait for its process before another takes it over (`INBOX_CLAIM_TIMEOUT_SECONDS`,
    /// default 120): a process that died mid-way leaves its claims to the others, or to itself after a restart.
    public var claimTimeout: Duration

    /// The settings, or `nil` when `INBOX_DIR` is unset (no drop folder).
    static func read(_ environment: EnvironmentVariables) throws -> DropFolderSettings? {
        guard let path = environment.string("INBOX_DIR"), !path.isEmpty else { return nil }
        return DropFolderSettings(
            path: path,
            scanInterval: .milliseconds(max(50, try environment.int("INBOX_SCAN_MILLISECONDS", default: 1000))),
            settle: .seconds(max(0, try environment.int("INBOX_SETTLE_SECONDS", default: 2))),
            claimTimeout: .seconds(max(1, try environment.int("INBOX_CLAIM_TIMEOUT_SECONDS", default: 120))))
    }

    /// The drop folder's variables, for `--help`.
    static let settings: [ConfigurationSetting] = [
        .init("INBOX_DIR", "unset (off)", "a folder whose recordings and .txt dialogs become calls (subfolder: the manager)"),
        .init("INBOX_SCAN_MILLISECONDS", "1000", "how often the drop folder is read"),
        .init("INBOX_SETTLE_SECONDS", "2", "how long a dropped file must stop growing before it is taken"),
        .init("INBOX_CLAIM_TIMEOUT_SECONDS", "120", "after this a file claimed by a process that died is taken over"),
    ]
}
