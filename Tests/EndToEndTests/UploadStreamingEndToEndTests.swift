import CurlHTTP
import Foundation
import Testing
import TestSupport

/// The ingest writes an upload to PostgreSQL as it streams in, so its memory does not follow the upload's size.
@Suite("Uploads stream through the ingest", .serialized)
struct UploadStreamingEndToEndTests {
    /// The process's peak resident set (`VmHWM`), in bytes.
    static func peakResidentBytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])) * 1024
    }

    /// The cap is above the 32 MB the ingest may grow by, so an ingest that held what it read before refusing fails.
    @Test("a 160 MB upload over a 48 MB cap is refused with 413 while it streams: the ingest, having written 48 MB to PostgreSQL, grows by less than 32 MB and keeps nothing")
    func refusedWhileStreaming() async throws {
        try await Stack.with(environment: ["MAX_UPLOAD_BYTES": String(48 * 1024 * 1024)]) { stack in
            let ingest = try #require(stack.ingest)
            let before = try Self.peakResidentBytes(ingest.processIdentifier)
            let uploadBytes = 160 * 1024 * 1024
            var form = MultipartFormData()
            form.addField(name: "manager_id", value: "anna")
            form.addFile(name: "audio", filename: "huge.wav", contentType: "audio/wav",
                         content: [.file(path: "/dev/zero", offset: 0, length: uploadBytes)])
            var request = HTTPRequest(method: "POST", url: "http://127.0.0.1:\(stack.port)/v1/calls/audio",
                                      headers: [HTTPHeader("Content-Type", form.contentType)], parts: form.encode())
            request.allowPrivateAddresses = true
            request.timeout = .seconds(120)
            let response = try await stack.http.execute(request)
            #expect(response.status == 413)
            #expect((Stack.object(response)["error"] as? [String: Any])?["code"] as? String == "file_too_large")
            let growth = try Self.peakResidentBytes(ingest.processIdentifier) - before
            #expect(growth < 32 * 1024 * 1024, "peak RSS grew by \(growth) bytes for a \(uploadBytes)-byte upload")
            #expect(try await stack.waitForCount("SELECT count(*) FROM call_audio_chunks", toReach: 0) == 0)
            #expect(try await stack.waitForCount("SELECT count(*) FROM calls", toReach: 0) == 0)
        }
    }
}
