import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// The team lead's web UI on the ingest: Analyze (`/`, and `POST /` from its form), Calls (`/calls`, `/calls.csv`),
/// Call (`/calls/{id}`), Managers (`/managers`, `/managers/{id}`), Queue (`/queue`), the API explorers (`/docs`, `/redoc`) and their static files (`/ui/{file}`). Pages are
/// rendered on the server (swift-mustache); submitting goes through the same validation and intake as `POST /v1/calls`.
/// With keys configured, `/login` exchanges a key for a session cookie and every form carries a CSRF token.
struct DashboardController<Context: RequestContext>: Sendable {
    let dashboard: Dashboard
    let intake: CallIntake
    let calls: any CallStorage
    let queue: any WorkQueue
    let providerStatus: any ProviderStatusSource
    let configuration: IngestConfiguration
    let sessions: DashboardSessions

    /// The most rows `/calls.csv` writes.
    static var maxExportRows: Int { 10_000 }

    /// The pages that show calls, behind the API's keys.
    func addPages(to routes: some RouterMethods<Context>) {
        routes.get("/") { request, _ in
            page(request, section: .analyze, title: "analyze_title", template: "analyze") { AnalyzePage(language: $0) }
        }
        routes.post("/") { request, _ in try await submit(request) }
        routes.get("/calls") { request, _ in try await list(request) }
        routes.get("/calls.csv") { request, context in try await export(request, context: context) }
        routes.get("/calls/:id") { request, context in try await show(request, context: context) }
        routes.get("/calls/:id/audio") { request, context in try await recording(request, context: context) }
        routes.post("/calls/:id/review") { request, context in try await review(request, context: context) }
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

    func submit(_ request: Request) async throws -> Response {
        var fields: [String: String] = [:]
        do {
            let form = try await MultipartForm.read(request, maxFileBytes: configuration.maxUploadBytes)
            fields = form.fields
            try checkForm(request, csrf: form.fields["csrf"])
            var submission = form.submission
            submission.dialogText = form.fields["dialog_text"].flatMap { $0.trimmed.isEmpty ? nil : $0 }
            submission.audioURL = form.fields["audio_url"].flatMap { $0.trimmed.isEmpty ? nil : $0 }
            let audio = form.audio.flatMap { $0.data.isEmpty ? nil : $0 }
            let call: NewCall
            if let audio {
                guard submission.dialogText == nil, submission.audioURL == nil else {
                    throw CallAuditError.badRequest("invalid_body", "give a dialog, a recording or its URL, not more than one")
                }
                call = try submission.validated(source: .upload, idempotencyKey: nil, audio: audio, limits: configuration.submissionLimits)
            } else {
                let source = try CallsController<Context>.source(of: submission)
                call = try submission.validated(source: source, idempotencyKey: nil, limits: configuration.submissionLimits)
            }
            let stored = try await intake.accept(call)
            return Response(status: .seeOther, headers: [.location: "/calls/\(stored.id.uuidString.lowercased())"])
        } catch let error as CallAuditError {
            return page(request, section: .analyze, title: "analyze_title", template: "analyze",
                        status: HTTPResponse.Status(code: error.status)) {
                AnalyzePage(language: $0, fields: fields, error: error.message)
            }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let pairs = Self.pairs(request)
        do {
            var query = try CallListQuery(request.uri.queryParameters)
            if Self.givesDay(request, "to") { query.filter.to = query.filter.to?.addingTimeInterval(86_400) }
            let found = try await calls.list(query.filter, sort: query.sort, limit: query.limit, cursor: query.cursor)
            return page(request, section: .calls, title: "calls_title", template: "calls") {
                CallsPage(language: $0, query: pairs, page: found)
            }
        } catch let error as CallAuditError {
            return page(request, section: .calls, title: "calls_title", template: "calls",
                        status: HTTPResponse.Status(code: error.status)) {
                CallsPage(language: $0, query: pairs, page: CallPage(calls: [], nextCursor: nil), error: error.message)
            }
        }
    }

    /// Every call the filters match (up to ``maxExportRows``), in the table's order, as CSV.
    func export(_ request: Request, context: Context) async throws -> Response {
        var query = try CallListQuery(request.uri.queryParameters)
        if Self.givesDay(request, "to") { query.filter.to = query.filter.to?.addingTimeInterval(86_400) }
        var rows: [[String]] = []
        var cursor: String?
        repeat {
            let page = try await calls.list(query.filter, sort: query.sort, limit: 200, cursor: cursor)
            rows += page.calls.map { call in
                [call.id.uuidString.lowercased(), call.externalID ?? "", call.managerID, call.mode.rawValue,
                 call.status.rawValue, CSVTable.timestamp(call.createdAt), call.outcome.map { String($0.totalScore) } ?? "",
                 call.outcome?.sentiment.rawValue ?? "", call.outcome.map { String($0.hasProfanity) } ?? "",
                 call.outcome?.language ?? call.languageHint ?? "", call.error ?? ""]
            }
            cursor = page.nextCursor
        } while cursor != nil && rows.count < Self.maxExportRows
        let header = ["id", "call_id", "manager_id", "mode", "status", "created_at", "total_score", "sentiment", "profanity",
                      "language", "error"]
        return try CSVTable(header: header, rows: Array(rows.prefix(Self.maxExportRows)), filename: "calls.csv")
            .response(from: request, context: context)
    }

    func show(_ request: Request, context: Context) async throws -> Response {
        try await callPage(request, id: context.parameters.get("id").flatMap(UUID.init(uuidString:)))
    }

    /// The Call screen; `reviewError` (with its status) when a review from it was refused.
    func callPage(_ request: Request, id: UUID?, reviewError: CallAuditError? = nil) async throws -> Response {
        guard let id, let call = try await calls.find(id) else {
            return page(request, section: .calls, title: "not_found", template: "message", status: .notFound) {
                MessagePage(text: DashboardStrings.table($0)["call_not_found"] ?? "")
            }
        }
        let result = call.status == .done ? try await calls.result(of: id) : nil
        let unfinished = call.status == .queued || call.status == .processing
        let admin = sessions.session(of: request)?.admin == true
        let retry = call.status == .failed && admin
            ? try? await queue.deadLetters(limit: AdminController<Context>.maxListed).first { $0.callID == id }?.entryID : nil
        let trail = try await calls.reviews(of: id)
        let reviews = CallDetailPage.Reviews(trail: trail.reviews, notes: trail.notes, canReview: admin, error: reviewError?.message)
        return page(request, section: .calls, title: "call_title", template: "call",
                    status: reviewError.map { HTTPResponse.Status(code: $0.status) } ?? .ok,
                    poll: unfinished ? "/v1/calls/\(id.uuidString.lowercased())" : nil) {
            CallDetailPage(language: $0, call: call, result: result, retryEntryID: retry, review: reviews)
        }
    }

    /// A review from the Call screen's forms, for a signed-in admin, through the same validation and store as
    /// `POST /v1/admin/calls/{id}/reviews`; then back to the call's review section, or the page with the reason.
    func review(_ request: Request, context: Context) async throws -> Response {
        let id = context.parameters.get("id").flatMap(UUID.init(uuidString:))
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        guard let id, let session = sessions.session(of: request), session.admin else {
            throw CallAuditError(status: 403, code: "admin_required", message: "reviewing needs an admin key: sign in with one")
        }
        do {
            let body = ReviewRequest(criterion: form["criterion"], score: form["score"].flatMap { Int($0.trimmed) },
                                     notes: form["notes"], reason: form["reason"], reviewer: form["reviewer"])
            let review = try body.validated(fallbackReviewer: "admin key \(session.identity)")
            _ = try await calls.review(id, change: review.change, reason: review.reason, reviewer: review.reviewer)
            return Response(status: .seeOther, headers: [.location: "/calls/\(id.uuidString.lowercased())#review"])
        } catch let error as CallAuditError {
            return try await callPage(request, id: id, reviewError: error)
        } catch let error as CallStoreError {
            return try await callPage(request, id: id, reviewError: JSONErrorMiddleware<Context>.apiError(for: error))
        }
    }

    func managers(_ request: Request) async throws -> Response {
        do {
            let period = try Self.period(request)
            let sorting = try ReportQuery.page(request.uri.queryParameters)
            let found = try await calls.managerPage(period, page: sorting)
            return page(request, section: .managers, title: "managers_title", template: "managers") {
                ManagersPage(language: $0, period: period, request: sorting, managers: found.managers)
            }
        } catch let error as CallAuditError {
            let period = ReportPeriod(from: Date().addingTimeInterval(-30 * 86_400), to: Date())
            return page(request, section: .managers, title: "managers_title", template: "managers",
                        status: HTTPResponse.Status(code: error.status)) {
                ManagersPage(language: $0, period: period, request: ManagerPageRequest(), managers: [], error: error.message)
            }
        }
    }

    func manager(_ request: Request, context: Context) async throws -> Response {
        guard let managerID = context.parameters.get("manager_id") else { throw CallAuditError.notFound("no such manager") }
        let period = try Self.period(request)
        let report = try await calls.managerReport(
            managerID, period: period, bucket: try ReportQuery.bucket(request.uri.queryParameters), recentLimit: 20)
        let team = try await calls.managerPage(period, page: ManagerPageRequest()).managers
        return page(request, section: .managers, title: "manager_title", template: "manager") {
            ManagerDetailPage(language: $0, managerID: managerID, period: period, report: report, team: team)
        }
    }

    /// The queue's figures and the providers; a Redis that does not answer is said on the page, not a failed page.
    func queueStatus(_ request: Request) async -> Response {
        let stats = try? await queue.stats()
        let providers = (try? await providerStatus.read()) ?? []
        let letters = sessions.session(of: request)?.admin == true
            ? ((try? await queue.deadLetters(limit: AdminController<Context>.maxListed)) ?? []) : nil
        let replayed = request.uri.queryParameters.get("replayed").flatMap(Int.init)
        return page(request, section: .queue, title: "queue_title", template: "queue") {
            QueuePage(language: $0, stats: stats, providers: providers, deadLetters: letters, replayed: replayed)
        }
    }

    /// Replays one dead letter (`id`) or all of them, for a signed-in admin; then back to `back` (a failed call's page)
    /// or the Queue screen.
    func replay(_ request: Request) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        guard sessions.session(of: request)?.admin == true else {
            throw CallAuditError(status: 403, code: "admin_required", message: "replaying dead letters needs an admin key: sign in with one")
        }
        let replayed = try await AdminController<Context>(queue: queue, calls: calls).replay(form["id"].map { [$0] })
        let back = form["back"].map { Self.localPath($0) } ?? "/queue?replayed=\(replayed.count)"
        return Response(status: .seeOther, headers: [.location: back])
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        let next = Self.localPath(form["next"])
        guard let session = sessions.signIn(key: (form["key"] ?? "").trimmed) else {
            return page(request, section: nil, title: "sign_in_title", template: "login", status: .unauthorized) {
                SignInPage(next: next, error: DashboardStrings.table($0)["sign_in_failed"])
            }
        }
        var response = Response(status: .seeOther, headers: [.location: next])
        response.setCookie(sessions.cookie(session, secure: request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https"))
        return response
    }

    func signOut(_ request: Request) async throws -> Response {
        let form = try await Self.urlEncodedForm(request)
        try checkForm(request, csrf: form["csrf"])
        var response = Response(status: .seeOther, headers: [.location: sessions.enabled ? "/login" : "/"])
        response.setCookie(DashboardSessions.signedOut)
        return response
    }

    /// A form posted by a signed-in user must carry the session's CSRF token (a forged post from another site has
    /// none); without a session (no keys configured) the dashboard is open like the API.
    func checkForm(_ request: Request, csrf: String?) throws {
        guard let session = sessions.session(of: request) else { return }
        guard sessions.checkCSRF(csrf, session: session) else {
            throw CallAuditError(status: 403, code: "invalid_csrf_token", message: "the form's CSRF token is missing or wrong: reload the page and send it again")
        }
    }

    /// An `application/x-www-form-urlencoded` body's fields (at most 64 KB).
    static func urlEncodedForm(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var components = URLComponents()
        components.percentEncodedQuery = String(buffer: body).replacingOccurrences(of: "+", with: "%20")
        return Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    /// `path` when it is a path of this site, else `/`: a sign-in never sends a user elsewhere.
    static func localPath(_ path: String?) -> String {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return "/" }
        return path
    }

    /// An uploaded recording for the Call screen's player; a `Range: bytes=` request (a seek) gets that part (206).
    func recording(_ request: Request, context: Context) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text), let audio = try await calls.audio(of: id)
        else { throw CallAuditError.notFound("this call has no uploaded recording") }
        var headers: HTTPFields = [.contentType: audio.contentType ?? "application/octet-stream", .acceptRanges: "bytes",
                                   .cacheControl: "private, max-age=3600"]
        guard let range = request.headers[.range].flatMap({ Self.byteRange($0, size: audio.data.count) }) else {
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: audio.data)))
        }
        headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(audio.data.count)"
        return Response(status: .partialContent, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(bytes: audio.data[range])))
    }

    /// The one range of a `Range: bytes=a-b`, `bytes=a-` or `bytes=-n` header within `size` bytes; `nil` for anything
    /// else (the whole file is sent).
    static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard size > 0, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let bounds = header.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return nil }
        switch (Int(bounds[0]), Int(bounds[1])) {
        case (let start?, let end?) where start <= end && start < size: return start...min(end, size - 1)
        case (let start?, nil) where bounds[1].isEmpty && start < size: return start...(size - 1)
        case (nil, let suffix?) where bounds[0].isEmpty && suffix > 0: return max(0, size - suffix)...(size - 1)
        default: return nil
        }
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

    /// The period of a managers' screen: `to` given as a day (as the date fields send it) includes that day.
    static func period(_ request: Request) throws -> ReportPeriod {
        var period = try ReportQuery.period(request.uri.queryParameters)
        if givesDay(request, "to") { period.to = period.to.addingTimeInterval(86_400) }
        return period
    }

    /// Whether the query's `name` is a day (`2026-12-01`) rather than an instant.
    static func givesDay(_ request: Request, _ name: String) -> Bool {
        guard let value = request.uri.queryParameters.get(name) else { return false }
        return value.count == 10 && value.split(separator: "-").count == 3
    }

    /// The request's query as name and value pairs, in order.
    static func pairs(_ request: Request) -> [(String, String)] {
        request.uri.queryParameters.map { (String($0.key), String($0.value)) }
    }
}
