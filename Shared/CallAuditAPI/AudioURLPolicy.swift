import CallAuditCore
import CurlHTTP
import Foundation

/// The checks a user-given URL passes before it is accepted: http or https, a host, and, unless allowed,
/// no literal loopback, private, link-local or otherwise internal address (names are checked again when the
/// worker connects, after DNS, by the HTTP client).
enum AudioURLPolicy {
    static func check(_ text: String, field: String, allowPrivate: Bool) throws {
        guard text.count <= 2048 else {
            throw CallAuditError.badRequest("invalid_url", "\(field) is longer than 2048 characters")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty
        else { throw CallAuditError.badRequest("invalid_url", "\(field) is not a valid URL") }
        guard scheme == "http" || scheme == "https" else {
            throw CallAuditError.badRequest("invalid_url", "\(field) must use http or https")
        }
        if !allowPrivate && AddressPolicy.isInternal(host: host) {
            throw CallAuditError.badRequest(
                "forbidden_url", "\(field) points at a loopback or private address; set AUDIO_URL_ALLOW_PRIVATE=true to allow it")
        }
    }
}
