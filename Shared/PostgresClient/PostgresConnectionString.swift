import CLibpq
import Foundation

/// What libpq makes of a user's connection string: its settings, and the secrets an error message must not repeat.
struct PostgresConnectionString {
    /// The settings libpq parsed (keyword to value); empty when the string does not parse.
    let settings: [String: String]
    /// The password as written and as decoded, so that neither appears in an error message; with an unescaped `@`
    /// in it, each part too (libpq then reads the rest as part of the host and quotes it).
    let secrets: [String]
    /// libpq's reason when the string does not parse, secrets masked.
    let parseError: String?

    init(_ string: String) {
        var settings: [String: String] = [:]
        var errorMessage: UnsafeMutablePointer<CChar>?
        if let options = PQconninfoParse(string, &errorMessage) {
            var option = options
            while let keyword = option.pointee.keyword {
                if let value = option.pointee.val { settings[String(cString: keyword)] = String(cString: value) }
                option += 1
            }
            PQconninfoFree(options)
        }
        let reason = errorMessage.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) }
        if let errorMessage { PQfreemem(errorMessage) }
        self.settings = settings
        let written = Self.uriPassword(string)
        let pieces = written.map { $0.split(separator: "@").map(String.init) } ?? []
        let secrets = ([settings["password"], written].compactMap { $0 } + pieces).filter { !$0.isEmpty }
        self.secrets = secrets
        let problem = settings.isEmpty ? (reason ?? "libpq cannot read it") : Self.numberProblem(settings)
        parseError = problem.map { Self.redact($0, secrets: secrets) }
    }

    /// A port or timeout that is not a number: libpq parses the string but refuses it only when connecting, and that
    /// would be retried as if the server were down.
    static func numberProblem(_ settings: [String: String]) -> String? {
        for keyword in ["port", "connect_timeout"] {
            guard let value = settings[keyword] else { continue }
            let numbers = value.split(separator: ",", omittingEmptySubsequences: false)
            if numbers.contains(where: { $0.isEmpty || !$0.allSatisfy(\.isNumber) }) {
                return "invalid \(keyword) \"\(value)\": a number is expected"
            }
        }
        return nil
    }

    /// `message` with every secret masked (libpq quotes a badly percent-encoded URL password verbatim).
    func redact(_ message: String) -> String {
        Self.redact(message, secrets: secrets)
    }

    static func redact(_ message: String, secrets: [String]) -> String {
        secrets.reduce(message) { text, secret in text.replacingOccurrences(of: secret, with: "********") }
    }

    /// The password of a `postgres://user:password@host` URL as written, before percent-decoding.
    static func uriPassword(_ string: String) -> String? {
        guard let schemeEnd = string.range(of: "://") else { return nil }
        let rest = string[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return nil }
        let userInfo = rest[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        return String(userInfo[userInfo.index(after: colon)...])
    }
}
