import CallAuditCore
import Hummingbird

/// Guards the admin routes (dead letters, replay, reviews): they need `Authorization: Bearer <admin key>` from
/// `ADMIN_API_KEYS`. With no admin key configured they are refused with `403`, also in the open mode without
/// `API_KEYS`, so that a local stack never exposes them by accident.
struct AdminAccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let keys: APIKeys?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let keys else {
            return JSONErrorMiddleware<Context>.response(for: CallAuditError(
                status: 403, code: "admin_disabled",
                message: "admin routes are off: set ADMIN_API_KEYS and call them with Authorization: Bearer <admin key>"))
        }
        guard keys.identify(authorization: request.headers[.authorization]) != nil else {
            return JSONErrorMiddleware<Context>.unauthorized("an admin key is required: Authorization: Bearer <admin key>")
        }
        return try await next(request, context)
    }
}
