import CallAuditCore
import CoreExtensions
import Crypto
import Foundation

/// Checks `X-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body under `WEBHOOK_SECRET`, in constant time.
struct WebhookSignature: Sendable {
    let secret: [UInt8]

    init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    func verify(header: String?, body: [UInt8]) throws {
        guard let header else {
            throw CallAuditError(status: 401, code: "missing_signature", message: "X-Signature is required")
        }
        let hex = header.hasPrefix("sha256=") ? header.dropFirst(7) : Substring(header)
        guard let signature = [UInt8](hex: hex), signature.count == 32,
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: body, using: SymmetricKey(data: secret))
        else { throw CallAuditError(status: 401, code: "invalid_signature", message: "X-Signature does not match the body") }
    }
}
