import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` upload read as it streams in: the text fields of a call and one recording, written to
/// the store a chunk at a time as it arrives (``AudioChunk/size`` bytes buffered at most) and capped while it does.
struct MultipartForm {
    /// The id the recording's chunks are stored under: the id of the call that is to own them.
    let audioID: UUID
    /// The text fields, by name.
    var fields: [String: String] = [:]
    /// The file part named `audio` (or `file`, as the seed API named it), once it has been stored whole.
    var audio: UploadedAudio?

    static let fileFieldNames: Set<String> = ["audio", "file"]
    static let maxFieldBytes = 1024 * 1024

    var submission: CallSubmission {
        CallSubmission(
            dialogText: nil, audioURL: nil, mode: fields["mode"] ?? fields["content_mode"], callID: fields["call_id"],
            managerID: fields["manager_id"], language: fields["language"], metadata: nil,
            callbackURL: fields["callback_url"])
    }

    /// Reads the form, storing its recording in `storage` as it streams in, and runs `body` with it (validate and
    /// accept the call, whose id must be ``audioID``). Whatever happens — the cap crossed, a malformed body, a field
    /// refused, the call a repeat of a stored one, a fault — chunks that no stored call owns are removed afterwards.
    static func withUpload<T>(
        _ request: Request, maxFileBytes: Int, storage: any CallStorage, _ body: (MultipartForm) async throws -> T
    ) async throws -> T {
        try await storage.withRecordingID { audioID in
            try await body(try await read(request, maxFileBytes: maxFileBytes, audioID: audioID, storage: storage))
        }
    }

    static func read(_ request: Request, maxFileBytes: Int, audioID: UUID, storage: any CallStorage) async throws -> MultipartForm {
        guard let contentType = request.headers[.contentType], let boundary = Self.boundary(of: contentType) else {
            throw CallAuditError(status: 415, code: "unsupported_media_type",
                                 message: "send the recording as multipart/form-data with a file field named audio")
        }
        let collector = MultipartPartCollector(maxFileBytes: maxFileBytes, audioID: audioID)
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
            while let chunk = collector.chunks.take(final: collector.form.audio != nil) {
                try await storage.storeAudioChunk(chunk.bytes, index: chunk.index, of: audioID)
            }
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
