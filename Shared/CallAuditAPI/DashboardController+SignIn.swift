import CallAuditCore
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird

/// Sign-in, sign-out and the CSRF check of posted forms.
extension DashboardController {
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
}
