import CoreExtensions
import Crypto
import Foundation
import Hummingbird

/// Sign-in to the dashboard when keys are configured: an API key (or an admin key) is exchanged for a signed,
/// `HttpOnly`, `SameSite=Lax` session cookie, and every form the dashboard posts carries a CSRF token derived from
/// that cookie. Cookies are signed with HMAC-SHA256 under `SESSION_SECRET` (a random secret per process when unset:
/// sessions then end when the ingest restarts and hold on one replica only). A session lasts ``lifetime`` and ends
/// early when its key is taken out of the configuration.
struct DashboardSessions: Sendable {
    let keys: APIKeys?
    let adminKeys: APIKeys?
    /// The signing key's bytes (a `SymmetricKey` is not `Sendable`).
    let secret: [UInt8]

    static let cookieName = "callaudit_session"
    static let lifetime: TimeInterval = 12 * 3600

    init(keys: APIKeys?, adminKeys: APIKeys?, secret: String?) {
        self.keys = keys
        self.adminKeys = adminKeys
        self.secret = secret.map { Array($0.utf8) } ?? SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// Whether sign-in exists at all: some key is configured.
    var enabled: Bool { keys != nil || adminKeys != nil }

    /// Whether the pages that show calls need a session: `API_KEYS` is set (they are open, like `/v1`, otherwise).
    var required: Bool { keys != nil }

    /// A session for `key`, or `nil` when it is no configured key.
    func signIn(key: String, now: Date = Date()) -> DashboardSession? {
        let admin = adminKeys?.identify(key: key)
        guard let identity = admin ?? keys?.identify(key: key) else { return nil }
        let payload = "\(identity)|\(admin != nil ? "admin" : "user")|\(Int(now.addingTimeInterval(Self.lifetime).timeIntervalSince1970))"
        let encoded = Data(payload.utf8).base64URL
        return DashboardSession(identity: identity, admin: admin != nil, token: encoded + "." + signature(encoded))
    }

    /// The session of a cookie's value, when it is signed here, not expired and its key is still configured.
    func session(token: String?, now: Date = Date()) -> DashboardSession? {
        guard let token, let dot = token.firstIndex(of: ".") else { return nil }
        let encoded = String(token[..<dot])
        guard let mac = [UInt8](hex: token[token.index(after: dot)...]), mac.count == 32,
              HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(encoded.utf8), using: key),
              let payload = Data(base64URL: encoded).map({ String(decoding: $0, as: UTF8.self) })
        else { return nil }
        let parts = payload.split(separator: "|").map(String.init)
        guard parts.count == 3, let expiry = TimeInterval(parts[2]), now.timeIntervalSince1970 < expiry else { return nil }
        let admin = parts[1] == "admin"
        let stillConfigured = admin ? adminKeys?.contains(identity: parts[0]) : keys?.contains(identity: parts[0])
        guard stillConfigured == true else { return nil }
        return DashboardSession(identity: parts[0], admin: admin, token: token)
    }

    /// The session of a request's cookie.
    func session(of request: Request) -> DashboardSession? {
        session(token: request.cookies[Self.cookieName]?.value)
    }

    /// The CSRF token of a session: the forms' hidden `csrf` field.
    func csrf(_ session: DashboardSession) -> String {
        signature("csrf|" + session.token)
    }

    /// Whether a posted form's `csrf` field belongs to the session (compared in constant time).
    func checkCSRF(_ presented: String?, session: DashboardSession) -> Bool {
        guard let presented, let mac = [UInt8](hex: presented), mac.count == 32 else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(("csrf|" + session.token).utf8),
                                                  using: key)
    }

    /// The cookie that holds `session`; `secure` when the request came over HTTPS (through a proxy that says so).
    func cookie(_ session: DashboardSession, secure: Bool) -> Cookie {
        Cookie(name: Self.cookieName, value: session.token, maxAge: Int(Self.lifetime), path: "/", secure: secure,
               httpOnly: true, sameSite: .lax)
    }

    /// The cookie that ends a session.
    static var signedOut: Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax)
    }

    func signature(_ text: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)).hexString
    }

    var key: SymmetricKey { SymmetricKey(data: secret) }
}
