import CallAuditCore
import CallStore
import Foundation
import NIOCore

/// Collects the parts the parser reports, one at a time.
final class MultipartPartCollector {
    let maxFileBytes: Int
    var form = MultipartForm()
    var error: CallAuditError?
    private(set) var completedParts = 0
    private var name: String?
    private var filename: String?
    private var contentType: String?
    private var bytes: [UInt8] = []

    init(maxFileBytes: Int) {
        self.maxFileBytes = maxFileBytes
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
        let limit = isFile ? maxFileBytes : MultipartForm.maxFieldBytes
        guard bytes.count + buffer.readableBytes <= limit else {
            error = CallAuditError(
                status: 413, code: isFile ? "file_too_large" : "field_too_large",
                message: isFile ? "the recording is larger than \(maxFileBytes) bytes"
                    : "the field \(name ?? "?") is larger than \(MultipartForm.maxFieldBytes) bytes")
            bytes = []
            return
        }
        bytes.append(contentsOf: buffer.readableBytesView)
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
        if isFile {
            guard form.audio == nil else {
                error = CallAuditError.badRequest("invalid_multipart", "send one recording per call")
                return
            }
            form.audio = UploadedAudio(filename: filename, contentType: contentType, data: bytes)
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
