import CallAuditCore
import CoreExtensions
import Crypto
import Foundation

/// The API keys of `API_KEYS`, kept as SHA-256 digests and compared in constant time: the time a check takes does not
/// depend on how much of a key matched, nor on which key it was.
struct APIKeys: Sendable {
    let digests: [[UInt8]]

    /// `nil` when `API_KEYS` is unset or empty: then every route is open.
    init?(_ list: String?) {
        let keys = (list ?? "").split(separator: ",").map(\.trimmed).filter { !$0.isEmpty }
        guard !keys.isEmpty else { return nil }
        digests = keys.map { Self.digest($0) }
    }

    private init(digests: [[UInt8]]) {
        self.digests = digests
    }

    /// These keys and `others`' (an admin key also opens the ordinary routes).
    func including(_ others: APIKeys?) -> APIKeys {
        APIKeys(digests: digests + (others?.digests ?? []))
    }

    /// The caller's identity for the rate limit (the first 16 hex digits of its key's digest), or `nil` when the
    /// `Authorization: Bearer` header is missing or holds no configured key.
    func identify(authorization: String?) -> String? {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return nil }
        return identify(key: String(authorization.dropFirst(7)).trimmed)
    }

    /// The identity of `key` (the first 16 hex digits of its digest) when it is one of these keys, else `nil`.
    func identify(key: String) -> String? {
        let presented = Self.digest(key)
        var matched = false
        for digest in digests {
            var difference: UInt8 = 0
            for (left, right) in zip(digest, presented) { difference |= left ^ right }
            matched = matched || difference == 0
        }
        return matched ? presented.prefix(8).hexString : nil
    }

    /// Whether a key with this identity is still configured (a session ends when its key is taken out).
    func contains(identity: String) -> Bool {
        digest(identity: identity) != nil
    }

    /// The digest of the key with this identity, which signs that key's live-call tokens; `nil` when none has it.
    func digest(identity: String) -> [UInt8]? {
        digests.first { $0.prefix(8).hexString == identity }
    }

    static func digest(_ key: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(key.utf8)))
    }
}
