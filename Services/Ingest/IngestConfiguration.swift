import CallAuditCore
import CallAuditRuntime

/// Everything the ingest service reads from the environment (README: Configuration).
struct IngestConfiguration: Sendable {
    var host: String
    var port: Int
    var backend: BackendConfiguration
    /// Largest accepted upload (`MAX_UPLOAD_BYTES`, default 100 MB).
    var maxUploadBytes: Int
    /// Largest accepted `dialog_text` in bytes (`MAX_TEXT_BYTES`, default 1 MB).
    var maxTextBytes: Int
    /// Largest accepted JSON body (`MAX_JSON_BYTES`, default 2 MB).
    var maxJSONBytes: Int
    /// How long the seed endpoints wait for a result before answering `202` (`SEED_WAIT_SECONDS`, default 20).
    var seedWait: Duration
    /// Whether audio URLs may point at loopback or private addresses (`AUDIO_URL_ALLOW_PRIVATE`).
    var allowPrivateAudioURLs: Bool
    /// The API keys (`API_KEYS`, comma-separated); `nil`: every route is open.
    var apiKeys: APIKeys?
    /// Requests per key and minute (`RATE_LIMIT_PER_MINUTE`); 0: no limit.
    var rateLimitPerMinute: Int
    /// Origins browsers may call from (`CORS_ALLOWED_ORIGINS`, comma-separated, or `*`); empty: CORS closed.
    var corsAllowedOrigins: Set<String>

    /// The limits every submission is checked against.
    var submissionLimits: SubmissionLimits {
        SubmissionLimits(maxTextBytes: maxTextBytes, allowPrivateURLs: allowPrivateAudioURLs)
    }

    init(environment: EnvironmentVariables) throws {
        host = environment.string("HOST", default: "0.0.0.0")
        port = try environment.int("PORT", default: 8000)
        backend = try BackendConfiguration(environment: environment, defaultDatabasePoolSize: 8, defaultRedisPoolSize: 8)
        maxUploadBytes = try environment.int("MAX_UPLOAD_BYTES", default: 100 * 1024 * 1024)
        maxTextBytes = try environment.int("MAX_TEXT_BYTES", default: 1024 * 1024)
        maxJSONBytes = try environment.int("MAX_JSON_BYTES", default: 2 * 1024 * 1024)
        seedWait = .seconds(try environment.int("SEED_WAIT_SECONDS", default: 20))
        allowPrivateAudioURLs = try environment.bool("AUDIO_URL_ALLOW_PRIVATE", default: false)
        apiKeys = APIKeys(environment.string("API_KEYS"))
        rateLimitPerMinute = max(0, try environment.int("RATE_LIMIT_PER_MINUTE", default: 0))
        corsAllowedOrigins = Set((environment.string("CORS_ALLOWED_ORIGINS") ?? "").split(separator: ",").map(\.trimmed)
            .filter { !$0.isEmpty })
    }
}
