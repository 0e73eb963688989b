import CallAuditCore
import CallAuditRuntime

/// Everything the ingest service reads from the environment (README: Configuration).
public struct IngestConfiguration: Sendable {
    /// Where the API listens (`HOST`, `PORT`).
    public var host: String
    /// The port (`PORT`, default 8000).
    public var port: Int
    /// PostgreSQL, Redis and the queue.
    public var backend: BackendConfiguration
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
    /// The keys of the admin routes (`ADMIN_API_KEYS`, comma-separated); `nil`: admin routes answer `403`.
    var adminKeys: APIKeys?
    /// The secret CRM webhooks are signed with (`WEBHOOK_SECRET`); `nil`: webhooks need an API key like any route.
    var webhookSignature: WebhookSignature?
    /// Requests per key and minute (`RATE_LIMIT_PER_MINUTE`); 0: no limit.
    var rateLimitPerMinute: Int
    /// Origins browsers may call from (`CORS_ALLOWED_ORIGINS`, comma-separated, or `*`); empty: CORS closed.
    var corsAllowedOrigins: Set<String>
    /// The API description (`OPENAPI_PATH`); `nil`: `openapi.yaml` next to the executable, in the working directory or
    /// in `/app`.
    public var openAPIPath: String?
    /// The dashboard's folder of templates and static files (`DASHBOARD_DIR`); `nil`: `dashboard` next to the
    /// executable, in the working directory or in `/app`.
    public var dashboardPath: String?
    /// The secret the dashboard's session cookies are signed with (`SESSION_SECRET`); `nil`: a random one per process.
    var sessionSecret: String?
    /// The folder with Swagger UI's and ReDoc's files (`DOCS_ASSETS_DIR`); `nil`: the places `DocsAssets` lists.
    public var docsAssetsPath: String?
    /// The drop folder (`INBOX_DIR`, …); `nil`: none.
    public var dropFolder: DropFolderSettings?
    /// Live calls: limits and the realtime transcription (`LIVE_*`, `OPENAI_REALTIME_*`).
    public var live: LiveSettings

    /// The limits every submission is checked against.
    var submissionLimits: SubmissionLimits {
        SubmissionLimits(maxTextBytes: maxTextBytes, allowPrivateURLs: allowPrivateAudioURLs)
    }

    /// Reads the configuration; a value that cannot be used is a `ConfigurationError` naming its variable.
    public init(environment: EnvironmentVariables) throws {
        host = environment.string("HOST", default: "0.0.0.0")
        port = try environment.int("PORT", default: 8000)
        backend = try BackendConfiguration(environment: environment, defaultDatabasePoolSize: 8, defaultRedisPoolSize: 8)
        maxUploadBytes = try environment.int("MAX_UPLOAD_BYTES", default: 100 * 1024 * 1024)
        maxTextBytes = try environment.int("MAX_TEXT_BYTES", default: 1024 * 1024)
        maxJSONBytes = try environment.int("MAX_JSON_BYTES", default: 2 * 1024 * 1024)
        seedWait = .seconds(try environment.int("SEED_WAIT_SECONDS", default: 20))
        allowPrivateAudioURLs = try environment.bool("AUDIO_URL_ALLOW_PRIVATE", default: false)
        apiKeys = APIKeys(environment.string("API_KEYS"))
        adminKeys = APIKeys(environment.string("ADMIN_API_KEYS"))
        webhookSignature = environment.string("WEBHOOK_SECRET").map(WebhookSignature.init(secret:))
        rateLimitPerMinute = max(0, try environment.int("RATE_LIMIT_PER_MINUTE", default: 0))
        corsAllowedOrigins = Set((environment.string("CORS_ALLOWED_ORIGINS") ?? "").split(separator: ",").map(\.trimmed)
            .filter { !$0.isEmpty })
        openAPIPath = environment.string("OPENAPI_PATH")
        dashboardPath = environment.string("DASHBOARD_DIR")
        docsAssetsPath = environment.string("DOCS_ASSETS_DIR")
        sessionSecret = environment.string("SESSION_SECRET")
        dropFolder = try DropFolderSettings.read(environment)
        live = try LiveSettings.read(environment)
    }

    /// Every variable the ingest service reads, for `--help`.
    public static let settings: [ConfigurationSetting] = BackendConfiguration.settings + [
        .init("HOST", "0.0.0.0", "address the API listens on"),
        .init("PORT", "8000", "port the API listens on"),
        .init("API_KEYS", "unset (open)", "comma-separated keys; /v1 and the seed routes then need Authorization: Bearer <key>"),
        .init("ADMIN_API_KEYS", "unset (admin routes off)", "comma-separated keys of the admin routes (dead letters, replay)"),
        .init("WEBHOOK_SECRET", "unset", "CRM webhooks signed with X-Signature: sha256=<HMAC-SHA256> need no API key"),
        .init("RATE_LIMIT_PER_MINUTE", "0 (off)", "requests per key (or client address) and minute"),
        .init("CORS_ALLOWED_ORIGINS", "unset (closed)", "comma-separated origins, or *"),
        .init("MAX_UPLOAD_BYTES", "104857600", "largest upload, enforced while it streams in"),
        .init("MAX_TEXT_BYTES", "1048576", "largest dialog_text"),
        .init("MAX_JSON_BYTES", "2097152", "largest JSON body"),
        .init("SEED_WAIT_SECONDS", "20", "how long the seed routes wait for a result before answering 202"),
        .init("AUDIO_URL_ALLOW_PRIVATE", "false", "allow recording URLs on loopback or private addresses"),
        .init("OPENAPI_PATH", "openapi.yaml next to the binary, in the working directory or in /app",
              "the API description served at /openapi.yaml and /openapi.json"),
        .init("SESSION_SECRET", "unset (a random secret per process)",
              "signs the dashboard's session cookies; set the same value on every ingest replica"),
        .init("DASHBOARD_DIR", "dashboard next to the binary, in the working directory or in /app",
              "the web UI's templates and static files"),
        .init("DOCS_ASSETS_DIR", "fastapi_offline/static in .run/venv or the system's Python, else docs-assets next to the binary, in the working directory or in /app",
              "Swagger UI and ReDoc files for /docs and /redoc (PyPI package fastapi-offline)"),
    ] + DropFolderSettings.settings + LiveSettings.settings
}
