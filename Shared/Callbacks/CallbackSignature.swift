import CoreExtensions
import Crypto
import Foundation

/// The signature of a callback event: `X-CallAudit-Signature: v1=<hex>`, the HMAC-SHA256 under `CALLBACK_SECRET` of
/// `<X-CallAudit-Timestamp>.<body>` (the Unix time in seconds, a dot, the raw body). A receiver recomputes it over the
/// bytes it received, compares in constant time, refuses a timestamp more than a few minutes from its clock, and
/// refuses an `X-CallAudit-Event-Id` it has already taken (README: Callbacks).
public struct CallbackSignature: Sendable {
    /// The header of the send time.
    public static let timestampHeader = "X-CallAudit-Timestamp"
    /// The header of the signature.
    public static let signatureHeader = "X-CallAudit-Signature"
    let secret: [UInt8]

    /// A signer with `secret`.
    public init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    var key: SymmetricKey { SymmetricKey(data: secret) }

    /// The signature header's value for `body` sent at `timestamp` (Unix seconds).
    public func sign(body: [UInt8], timestamp: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.signed(body: body, timestamp: timestamp), using: key)
        return "v1=" + Array(mac).hexString
    }

    /// Whether `signature` (the header's value) signs `body` at `timestamp`, and `timestamp` is within `tolerance`
    /// of `now`: what a receiver checks.
    public func verify(signature: String, body: [UInt8], timestamp: Int, now: Date = Date(), tolerance: Duration = .seconds(300)) -> Bool {
        guard abs(Int(now.timeIntervalSince1970) - timestamp) <= Int(tolerance.components.seconds),
              signature.hasPrefix("v1="), let mac = Array(hex: signature.dropFirst(3)), mac.count == 32
        else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Self.signed(body: body, timestamp: timestamp), using: key)
    }

    static func signed(body: [UInt8], timestamp: Int) -> [UInt8] {
        Array("\(timestamp).".utf8) + body
    }
}
