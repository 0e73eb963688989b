import CallAuditCore
import Logging

extension Logger {
    /// The logger of a service process, at the level `LOG_LEVEL` names (`trace` … `critical`, default `info`), as
    /// text lines or, with `LOG_FORMAT=json`, one JSON object per line.
    public static func service(_ label: String, environment: EnvironmentVariables) -> Logger {
        var logger = environment.string("LOG_FORMAT")?.lowercased() == "json"
            ? Logger(label: label) { JSONLogHandler(service: $0) }
            : Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: environment.string("LOG_LEVEL", default: "info").lowercased()) ?? .info
        return logger
    }
}
