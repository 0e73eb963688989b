import CallAuditCore
import Realtime

/// Live calls on `GET /v1/live` (README: Live calls): their limits, the raw-audio dump, and the realtime provider that
/// transcribes them as they are spoken (`nil`: the batch chain transcribes them when they end).
public struct LiveSettings: Sendable {
    /// The realtime transcription, when one is configured.
    public var realtime: RealtimeSettings?
    /// The longest a session may stream (`LIVE_MAX_SESSION_SECONDS`); at the limit the call is stored as it is.
    public var maxSession: Duration
    /// How long a session may send nothing before it is ended (`LIVE_IDLE_TIMEOUT_SECONDS`).
    public var idleTimeout: Duration
    /// How far ahead of real time a client may send audio (`LIVE_MAX_LEAD_SECONDS`).
    public var maxLeadSeconds: Int
    /// Frames a second allowed on average, so that thousands of tiny frames are refused
    /// (`LIVE_MAX_FRAMES_PER_SECOND`).
    public var maxFramesPerSecond: Int
    /// Sessions one ingest process holds at once (`LIVE_MAX_SESSIONS`); more are refused with `503`.
    public var maxSessions: Int
    /// Where each session's raw frames are written, in a file named by call id (`LIVE_AUDIO_DUMP_DIR`); `nil`: off.
    public var dumpDirectory: String?

    /// The longest session the store's sweeper leaves alone: chunks of a recording no call took for a day are removed.
    static let longestSessionSeconds = 43_200

    /// Reads the settings; a value that cannot be used names its variable.
    public static func read(_ environment: EnvironmentVariables) throws -> LiveSettings {
        let maxSession = try environment.int("LIVE_MAX_SESSION_SECONDS", default: 14_400)
        guard (1...longestSessionSeconds).contains(maxSession) else {
            throw ConfigurationError(key: "LIVE_MAX_SESSION_SECONDS", value: String(maxSession),
                                     expected: "a number of seconds from 1 to \(longestSessionSeconds)")
        }
        return LiveSettings(
            realtime: try RealtimeSettings.read(environment),
            maxSession: .seconds(maxSession),
            idleTimeout: .seconds(max(1, try environment.int("LIVE_IDLE_TIMEOUT_SECONDS", default: 30))),
            maxLeadSeconds: max(1, try environment.int("LIVE_MAX_LEAD_SECONDS", default: 10)),
            maxFramesPerSecond: max(1, try environment.int("LIVE_MAX_FRAMES_PER_SECOND", default: 100)),
            maxSessions: max(1, try environment.int("LIVE_MAX_SESSIONS", default: 500)),
            dumpDirectory: environment.string("LIVE_AUDIO_DUMP_DIR"))
    }

    /// The live calls' variables, for `--help`.
    static let settings: [ConfigurationSetting] = [
        .init("LIVE_MAX_SESSION_SECONDS", "14400", "the longest a live call may stream; at the limit it is stored as it is"),
        .init("LIVE_IDLE_TIMEOUT_SECONDS", "30", "a live call that sends nothing this long is ended and stored"),
        .init("LIVE_MAX_LEAD_SECONDS", "10", "how far ahead of real time a live call may send audio"),
        .init("LIVE_MAX_FRAMES_PER_SECOND", "100", "frames a second a live call may send on average (20 ms frames: 50)"),
        .init("LIVE_MAX_SESSIONS", "500", "live calls one ingest process holds at once; more get 503"),
        .init("LIVE_AUDIO_DUMP_DIR", "unset (off)", "write each live call's raw frames to <dir>/<call id>.<format> for debugging"),
    ] + RealtimeSettings.settings
}
