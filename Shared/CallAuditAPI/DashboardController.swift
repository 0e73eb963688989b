import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// The team lead's web UI on the ingest: Analyze (`/`, and `POST /` from its form), Calls (`/calls`, `/calls.csv`),
/// Call (`/calls/{id}`), Live call (`/live`, streaming the microphone to `GET /v1/live`), Managers (`/managers`, `/managers/{id}`), Queue (`/queue`), the API explorers (`/docs`,
/// `/redoc`) and their static files (`/ui/{file}`). Pages are rendered on the server (swift-mustache); submitting goes
/// through the same validation and intake as `POST /v1/calls`.
/// With keys configured, `/login` exchanges a key for a session cookie and every form carries a CSRF token.
struct DashboardController<Context: RequestContext>: Sendable {
    let dashboard: Dashboard
    let intake: CallIntake
    let calls: any CallStorage
    let queue: any WorkQueue
    let providerStatus: any ProviderStatusSource
    let configuration: IngestConfiguration
    let sessions: DashboardSessions
    let chat: ChatAnswerer
    let liveTokens: LiveTokens

    /// The most rows `/calls.csv` writes.
    static var maxExportRows: Int { 10_000 }

    /// The pages that show calls and act on them: behind sign-in when `API_KEYS` is set.
    func addPages(to routes: some RouterMethods<Context>) {
        routes.get("/") { request, _ in
            page(request, section: .analyze, title: "analyze_title", template: "analyze") { AnalyzePage(language: $0) }
        }
        routes.post("/") { request, _ in try await submit(request) }
        routes.get("/live") { request, _ in livePage(request) }
        routes.post("/live/token") { request, context in try await liveToken(request, context: context) }
        routes.get("/calls") { request, _ in try await list(request) }
        routes.get("/calls.csv") { request, context in try await export(request, context: context) }
        routes.get("/calls/:id") { request, context in try await show(request, context: context) }
        routes.get("/calls/:id/audio") { request, context in try await recording(request, context: context) }
        routes.post("/calls/:id/review") { request, context in try await review(request, context: context) }
        routes.post("/calls/:id/callbacks/replay") { request, context in try await replayCallbacks(request, context: context) }
        routes.post("/calls/:id/chat") { request, context in try await ask(request, context: context) }
        routes.get("/managers") { request, _ in try await managers(request) }
        routes.get("/managers/:manager_id") { request, context in try await manager(request, context: context) }
        routes.get("/queue") { request, _ in await queueStatus(request) }
        routes.post("/queue/replay") { request, _ in try await replay(request) }
        routes.post("/logout") { request, _ in try await signOut(request) }
    }

    /// Sign-in, open (behind the rate limit only).
    func addSignIn(to routes: some RouterMethods<Context>) {
        routes.get("/login") { request, _ in
            page(request, section: nil, title: "sign_in_title", template: "login") { _ in
                SignInPage(next: Self.localPath(request.uri.queryParameters.get("next")))
            }
        }
        routes.post("/login") { request, _ in try await signIn(request) }
    }

    /// The API explorers and the static files, open like `/openapi.json`.
    func addOpenRoutes(to routes: some RouterMethods<Context>) {
        routes.get("/docs") { request, _ in docs(request, template: "docs") }
        routes.get("/redoc") { request, _ in docs(request, template: "redoc") }
        routes.get("/ui/:file") { _, context in asset(context) }
    }

    func docs(_ request: Request, template: String) -> Response {
        guard dashboard.hasDocs else {
            return page(request, section: .docs, title: "docs_missing_title", template: "message", status: .serviceUnavailable) {
                MessagePage(text: DashboardStrings.table($0)["docs_missing_text"] ?? "", details: dashboard.docsSearched)
            }
        }
        return page(request, section: .docs, title: "nav_docs", template: template, strictScripts: false) { _ in [String: String]() }
    }

    func asset(_ context: Context) -> Response {
        guard let name = context.parameters.get("file"), let asset = dashboard.assets[name] else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "no such file")))
        }
        return Response(status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=300"],
                        body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// Renders a page in the request's language (`?lang=`, which also sets the language cookie, else the cookie, else
    /// `Accept-Language`). Pages other than the API explorers forbid inline and foreign scripts (`Content-Security-Policy`).
    func page(
        _ request: Request, section: DashboardSection?, title: String, template: String, status: HTTPResponse.Status = .ok,
        poll: String? = nil, strictScripts: Bool = true, content: (DashboardLanguage) -> Any
    ) -> Response {
        let chosen = request.uri.queryParameters["lang"].map(String.init)
        let language = DashboardLanguage.chosen(
            query: chosen, cookie: request.cookies[DashboardLanguage.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        let session = sessions.session(of: request)
        let frame = PageFrame(
            language: language, section: section, title: DashboardStrings.table(language)[title] ?? title,
            path: request.uri.path, query: Self.pairs(request), poll: poll, csrf: session.map(sessions.csrf),
            signInHref: sessions.enabled && session == nil && request.uri.path != "/login"
                ? "/login?next=" + PageQuery.encode(request.uri.path) : nil)
        let html = dashboard.render(template, frame: frame, page: content(language))
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                   HTTPField.Name("X-Content-Type-Options")!: "nosniff"]
        if strictScripts {
            headers[HTTPField.Name("Content-Security-Policy")!] =
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
        }
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        if let chosen, DashboardLanguage(rawValue: chosen) != nil {
            response.setCookie(Cookie(name: DashboardLanguage.cookieName, value: chosen, maxAge: 365 * 86_400, path: "/",
                                      httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// The request's query as name and value pairs, in order.
    static func pairs(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }
}
