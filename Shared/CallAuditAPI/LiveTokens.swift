import CoreExtensions
import Crypto
import Foundation
import Hummingbird

/// Short-lived tokens that open `GET /v1/live?token=…` for a browser, which cannot set `Authorization` on a WebSocket
/// (`POST /v1/live/tokens`). A token is `<key identity>.<expiry>.<HMAC-SHA256>` signed with the digest of the key that
/// asked for it: any ingest replica with the same `API_KEYS` checks it without shared state, and taking the key out
/// of `API_KEYS` voids its tokens.
struct LiveTokens: Sendable {
    /// The keys tokens are signed for; `nil`: the API is open and a token is not needed.
    let keys: APIKeys?
    /// How long a token opens sessions.
    static let lifetime: TimeInterval = 60

    /// A token for the key with `identity` (`nil` in the open mode), and when it expires.
    func mint(identity: String?, now: Date = Date()) -> (token: String, expiresAt: Date) {
        let expiry = Int(now.timeIntervalSince1970 + Self.lifetime)
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(expiry))
        guard let identity, let digest = keys?.digest(identity: identity) else { return ("open.\(expiry).0", expiresAt) }
        return ("\(identity).\(expiry).\(Self.signature(identity: identity, expiry: expiry, digest: digest))", expiresAt)
    }

    /// Whether `token` opens a session now: signed by a configured key and not expired (any token in the open mode).
    func accepts(_ token: String, now: Date = Date()) -> Bool {
        keys == nil || identity(ofToken: token, now: now) != nil
    }

    /// The identity of the key a valid, unexpired `token` was issued for; `nil` for any other token.
    func identity(ofToken token: String, now: Date = Date()) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let expiry = Int(parts[1]), TimeInterval(expiry) >= now.timeIntervalSince1970,
              let digest = keys?.digest(identity: parts[0]), let presented = [UInt8](hex: parts[2][...]) else { return nil }
        let message = Array("live|\(parts[0])|\(expiry)".utf8)
        let valid = HMAC<SHA256>.isValidAuthenticationCode(presented, authenticating: message, using: SymmetricKey(data: digest))
        return valid ? parts[0] : nil
    }

    /// Whether `request` may open a live session: the API is open, or it carries a configured key
    /// (`Authorization: Bearer`) or a valid token (`?token=`).
    func admits(_ request: Request) -> Bool {
        guard let keys else { return true }
        return keys.identify(authorization: request.headers[.authorization]) != nil
            || request.uri.queryParameters["token"].flatMap { identity(ofToken: String($0)) } != nil
    }

    static func signature(identity: String, expiry: Int, digest: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("live|\(identity)|\(expiry)".utf8), using: SymmetricKey(data: digest))
        return Array(code).hexString
    }
}
