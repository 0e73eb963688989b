#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Configuration from the process environment, with a `.env` file as fallback.
///
/// Variables set in the environment win over the file; the file is read once, at creation.
public struct EnvironmentVariables: Sendable {
    private let values: [String: String]
    private let readLog = ReadLog()

    /// Reads the process environment and, when it exists, the `.env` file at `dotEnvPath`.
    public init(dotEnvPath: String = ".env") {
        var merged = EnvironmentVariables.parseDotEnv(atPath: dotEnvPath)
        for (key, value) in ProcessInfo.processInfo.environment { merged[key] = value }
        self.values = merged
    }

    /// Uses exactly these values (tests).
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// Every variable asked for so far, set or not: a test holds it against a service's `--help` list.
    public var keysRead: Set<String> { readLog.keys }

    /// The value of `key`, or `nil` when unset or empty.
    public func string(_ key: String) -> String? {
        readLog.note(key)
        guard let value = values[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The value of `key`, or `defaultValue`.
    public func string(_ key: String, default defaultValue: String) -> String {
        string(key) ?? defaultValue
    }

    /// The integer value of `key`, or `defaultValue`; an unparsable value is a configuration error.
    public func int(_ key: String, default defaultValue: Int) throws -> Int {
        guard let text = string(key) else { return defaultValue }
        guard let value = Int(text) else { throw ConfigurationError(key: key, value: text, expected: "an integer") }
        return value
    }

    /// The boolean value of `key` (`true/false`, `1/0`, `yes/no`), or `defaultValue`.
    public func bool(_ key: String, default defaultValue: Bool) throws -> Bool {
        guard let text = string(key)?.lowercased() else { return defaultValue }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError(key: key, value: text, expected: "true or false")
        }
    }

    /// Parses `KEY=value` lines; `#` comments, `export ` prefixes and single or double quotes are understood.
    static func parseDotEnv(atPath path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var result: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            result[key] = value
        }
        return result
    }
}

/// The names a configuration has asked for, from any thread.
private final class ReadLog: Sendable {
    private let names = Mutex<Set<String>>([])

    func note(_ key: String) {
        _ = names.withLock { $0.insert(key) }
    }

    var keys: Set<String> { names.withLock { $0 } }
}

/// A configuration variable whose value cannot be used: one line that names it, and says what is wrong.
public struct ConfigurationError: Error, CustomStringConvertible {
    /// The variable.
    public let key: String
    /// What is wrong with its value.
    public let reason: String

    /// A value that is not of the expected kind.
    public init(key: String, value: String, expected: String) {
        self.init(key: key, reason: "\(value) is not \(expected)")
    }

    /// A value that cannot be used, for `reason`.
    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "\(key): \(reason)" }
}
