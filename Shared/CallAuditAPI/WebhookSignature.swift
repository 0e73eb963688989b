import CallAuditCore
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
        guard let signature = Self.bytes(fromHex: hex),
              HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: body, using: SymmetricKey(data: secret))
        else { throw CallAuditError(status: 401, code: "invalid_signature", message: "X-Signature does not match the body") }
    }

    static func bytes(fromHex hex: Substring) -> [UInt8]? {
        guard hex.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
