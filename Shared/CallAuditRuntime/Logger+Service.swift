import CallAuditCore
import Logging

extension Logger {
    /// The logger of a service process, at the level `LOG_LEVEL` names (`trace` … `critical`, default `info`).
    public static func service(_ label: String, environment: EnvironmentVariables) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: environment.string("LOG_LEVEL", default: "info").lowercased()) ?? .info
        return logger
    }
}
