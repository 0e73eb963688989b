import CallAuditCore
import CallStore
import Foundation
import NIOCore

/// Collects the parts the parser reports, one at a time, within the form's limits: one recording of at most
/// `maxFileBytes`, text fields of at most `MultipartForm.maxFieldBytes` together, `maxParts` parts. The first limit
/// crossed stops the upload. The recording is not kept: its bytes go to `chunks`, which the reader empties into the
/// store as each chunk fills, so a request holds one chunk of the recording and at most one megabyte of fields.
final class MultipartPartCollector {
    static let maxParts = 64
    let maxFileBytes: Int
    var form: MultipartForm
    var error: CallAuditError?
    /// The recording's bytes not yet stored.
    var chunks = AudioChunker()
    private(set) var completedParts = 0
    private var name: String?
    private var filename: String?
    private var contentType: String?
    private var bytes: [UInt8] = []
    private var fieldBytes = 0

    init(maxFileBytes: Int, audioID: UUID) {
        self.maxFileBytes = maxFileBytes
        form = MultipartForm(audioID: audioID)
    }

    var isFile: Bool { name.map(MultipartForm.fileFieldNames.contains) ?? false }

    func header(name headerName: String, value: String) {
        switch headerName.lowercased() {
        case "content-disposition":
            name = Self.parameter("name", in: value)
            filename = Self.parameter("filename", in: value)
        case "content-type":
            contentType = value
        default:
            break
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard error == nil else { return }
        if isFile {
            guard form.audio == nil else { return refuse(.badRequest("invalid_multipart", "send one recording per call")) }
            guard chunks.totalBytes + buffer.readableBytes <= maxFileBytes else {
                return refuse(CallAuditError(status: 413, code: "file_too_large",
                                             message: "the recording is larger than \(maxFileBytes) bytes"))
            }
            return chunks.append(contentsOf: buffer.readableBytesView)
        } else {
            guard fieldBytes + buffer.readableBytes <= MultipartForm.maxFieldBytes else {
                return refuse(CallAuditError(status: 413, code: "field_too_large",
                                             message: "the form's text fields are larger than \(MultipartForm.maxFieldBytes) bytes together"))
            }
            fieldBytes += buffer.readableBytes
        }
        bytes.append(contentsOf: buffer.readableBytesView)
    }

    private func refuse(_ error: CallAuditError) {
        self.error = error
        bytes = []
    }

    func complete() {
        defer {
            name = nil
            filename = nil
            contentType = nil
            bytes = []
            completedParts += 1
        }
        guard error == nil, let name else { return }
        guard completedParts < Self.maxParts else {
            return refuse(.badRequest("invalid_multipart", "the form has more than \(Self.maxParts) parts"))
        }
        if isFile {
            guard form.audio == nil else { return refuse(.badRequest("invalid_multipart", "send one recording per call")) }
            form.audio = UploadedAudio(filename: filename, contentType: contentType, size: chunks.totalBytes)
        } else {
            form.fields[name] = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `name="value"` from a header value such as `form-data; name="audio"; filename="call.wav"`.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard item.lowercased().hasPrefix(key + "=") else { continue }
            return item.dropFirst(key.count + 1).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
