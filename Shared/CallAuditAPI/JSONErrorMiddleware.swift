import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import PostgresClient
import RedisClient

/// Turns every error into `{"error": {"code", "message"}}` with a fitting status: a 4xx for bad input, a 503 when
/// Redis or PostgreSQL is unreachable, and a 500 (logged, without details to the caller) for anything else.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = Self.apiError(for: error)
            if apiError.status >= 500 {
                context.logger.error("request failed", metadata: [
                    "path": "\(request.uri.path)", "error": "\(error)",
                ])
            }
            return Self.response(for: apiError)
        }
    }

    static func apiError(for error: any Error) -> CallAuditError {
        switch error {
        case let error as CallAuditError:
            return error
        case let error as HTTPError:
            return CallAuditError(status: Int(error.status.code), code: code(for: error.status),
                                  message: error.body ?? error.status.reasonPhrase)
        case is NIOTooManyBytesError:
            return CallAuditError(status: 413, code: "body_too_large", message: "the request body is too large")
        case let error as DecodingError:
            return CallAuditError.badRequest("invalid_json", describe(decodingError: error))
        case CallStoreError.invalidCursor:
            return CallAuditError.badRequest("invalid_cursor", "cursor is not valid")
        case CallStoreError.notReviewable:
            return CallAuditError(status: 409, code: "not_reviewable", message: "the call has no result to review yet")
        case CallStoreError.unknownCriterion(let key):
            return CallAuditError.badRequest("unknown_criterion", "the call's result has no criterion \(key.prefix(80))")
        case CallStoreError.withdrawn:
            return CallAuditError.unavailable("the earlier request with this key was not accepted (the queue failed); retry later")
        case is RedisError:
            return CallAuditError.unavailable("the queue (Redis) is unreachable; retry later")
        case let error as PostgresError where error.isConnectionError:
            return CallAuditError.unavailable("the database (PostgreSQL) is unreachable; retry later")
        default:
            return CallAuditError(status: 500, code: "internal_error", message: "internal error")
        }
    }

    static func response(for error: CallAuditError) -> Response {
        let body = try? JSONEncoder().encode(ErrorBody(error: .init(code: error.code, message: error.message)))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if error.status == 503 { headers[.retryAfter] = "5" }
        return Response(
            status: HTTPResponse.Status(code: error.status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: Array(body ?? Data()))))
    }

    /// A `401` asking for a bearer key (`WWW-Authenticate: Bearer`).
    static func unauthorized(_ message: String) -> Response {
        var response = response(for: CallAuditError(status: 401, code: "unauthorized", message: message))
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 413: "body_too_large"
        case 415: "unsupported_media_type"
        default: status.code < 500 ? "bad_request" : "internal_error"
        }
    }

    static func describe(decodingError error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let field = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return field.isEmpty ? "the body" : field
        }
        switch error {
        case .typeMismatch(let type, let context): return "\(path(context)) must be \(Self.typeName(type))"
        case .valueNotFound(let type, let context): return "\(path(context)) must be \(Self.typeName(type)), not null"
        case .keyNotFound(let key, _): return "\(key.stringValue) is required"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not valid JSON" : "\(path(context)) is not valid"
        @unknown default: return "the body is not valid JSON"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type == [String: JSONValue].self ? "an object" : "a value of another type"
        }
    }
}

