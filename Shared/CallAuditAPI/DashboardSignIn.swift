import Dashboard
import Hummingbird

/// Keeps the dashboard's pages behind a session when `API_KEYS` is set: a request without a valid session cookie is
/// sent to `/login`, which comes back to the page it asked for.
struct DashboardSignIn<Context: RequestContext>: RouterMiddleware {
    let sessions: DashboardSessions

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard sessions.required, sessions.session(of: request) == nil else { return try await next(request, context) }
        let target = request.uri.query.map { request.uri.path + "?" + $0 } ?? request.uri.path
        return Response(status: .seeOther, headers: [.location: "/login?next=" + PageQuery.encode(target)])
    }
}
