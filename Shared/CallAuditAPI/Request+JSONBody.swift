import CallAuditCore
import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Reads the body, at most `limit` bytes, and decodes it as JSON; the errors name what is wrong.
    func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
        if let contentType = headers[.contentType], !contentType.lowercased().contains("json") {
            throw CallAuditError(status: 415, code: "unsupported_media_type", message: "send the body as application/json")
        }
        let buffer = try await body.collect(upTo: limit)
        guard buffer.readableBytes > 0 else { throw CallAuditError.badRequest("invalid_json", "the body is empty") }
        return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
    }

    /// The `Idempotency-Key` header.
    var idempotencyKey: String? {
        headers[HTTPField.Name("Idempotency-Key")!]
    }
}
