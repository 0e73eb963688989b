import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` upload read as it streams in: the text fields of a call and one recording,
/// with the recording capped while it arrives (nothing past the cap is held).
struct MultipartForm {
    /// The text fields, by name.
    var fields: [String: String] = [:]
    /// The file part named `audio` (or `file`, as the seed API named it).
    var audio: UploadedAudio?

    static let fileFieldNames: Set<String> = ["audio", "file"]
    static let maxFieldBytes = 1024 * 1024

    var submission: CallSubmission {
        CallSubmission(
            dialogText: nil, audioURL: nil, mode: fields["mode"] ?? fields["content_mode"], callID: fields["call_id"],
            managerID: fields["manager_id"], language: fields["language"], metadata: nil,
            callbackURL: fields["callback_url"])
    }

    static func read(_ request: Request, maxFileBytes: Int) async throws -> MultipartForm {
        guard let contentType = request.headers[.contentType], let boundary = Self.boundary(of: contentType) else {
            throw CallAuditError(status: 415, code: "unsupported_media_type",
                                 message: "send the recording as multipart/form-data with a file field named audio")
        }
        let collector = MultipartPartCollector(maxFileBytes: maxFileBytes)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        for try await buffer in request.body {
            do {
                try parser.execute(buffer)
            } catch {
                throw CallAuditError.badRequest("invalid_multipart", "the multipart body is malformed")
            }
            if let error = collector.error { throw error }
        }
        if let error = collector.error { throw error }
        guard collector.completedParts > 0 else {
            throw CallAuditError.badRequest("invalid_multipart", "the multipart body is incomplete")
        }
        return collector.form
    }

    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            let value = part.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }
}
