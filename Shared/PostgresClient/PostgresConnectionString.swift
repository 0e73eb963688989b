import CLibpq

/// What libpq makes of a user's connection string: its settings, and the secrets an error message must not repeat.
struct PostgresConnectionString {
    /// The settings libpq parsed (keyword to value); empty when the string does not parse.
    let settings: [String: String]
    /// The password as written and as decoded, so that neither appears in an error message; with an unescaped `@`
    /// in it, each part too (libpq then reads the rest as part of the host and quotes it).
    let secrets: [String]

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
        if let errorMessage { PQfreemem(errorMessage) }
        self.settings = settings
        let written = Self.uriPassword(string)
        let pieces = written.map { $0.split(separator: "@").map(String.init) } ?? []
        secrets = ([settings["password"], written].compactMap { $0 } + pieces).filter { !$0.isEmpty }
    }

    /// `message` with every secret masked (libpq quotes a badly percent-encoded URL password verbatim).
    func redact(_ message: String) -> String {
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
