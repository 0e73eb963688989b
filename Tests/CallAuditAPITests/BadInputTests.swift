import CallAuditCore
import CoreExtensions
import HTTPTypes
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import CallAuditAPI

@Suite("Bad input gets a 4xx JSON error and stores nothing")
struct BadInputTests {
    static let cases: [(name: String, body: String, status: Int, code: String)] = [
        ("malformed JSON", #"{"dialog_text": "#, 400, "invalid_json"),
        ("empty body", "", 400, "invalid_json"),
        ("JSON array", "[1, 2]", 400, "invalid_json"),
        ("neither text nor URL", #"{"mode": "manager"}"#, 400, "missing_field"),
        ("both text and URL", #"{"dialog_text": "hi", "audio_url": "https://example.com/a.mp3"}"#, 400, "invalid_body"),
        ("blank text", #"{"dialog_text": "   "}"#, 400, "missing_field"),
        ("unknown mode", #"{"dialog_text": "hi", "mode": "boss"}"#, 400, "invalid_mode"),
        ("text of the wrong type", #"{"dialog_text": 42}"#, 400, "invalid_json"),
        ("metadata not an object", #"{"dialog_text": "hi", "metadata": [1]}"#, 400, "invalid_field"),
        ("bad language", #"{"dialog_text": "hi", "language": "russian!"}"#, 400, "invalid_language"),
        ("ftp URL", #"{"audio_url": "ftp://example.com/a.mp3"}"#, 400, "invalid_url"),
        ("not a URL", #"{"audio_url": "::::"}"#, 400, "invalid_url"),
        ("loopback URL", #"{"audio_url": "http://127.0.0.1/a.mp3"}"#, 400, "forbidden_url"),
        ("localhost URL", #"{"audio_url": "http://localhost:8080/a.mp3"}"#, 400, "forbidden_url"),
        ("metadata service URL", #"{"audio_url": "http://169.254.169.254/latest"}"#, 400, "forbidden_url"),
        ("private URL", #"{"audio_url": "https://10.1.2.3/a.mp3"}"#, 400, "forbidden_url"),
        ("decimal loopback URL", #"{"audio_url": "http://2130706433/a.mp3"}"#, 400, "forbidden_url"),
        ("hex loopback URL", #"{"audio_url": "http://0x7f000001/a.mp3"}"#, 400, "forbidden_url"),
        ("IPv6 loopback URL", #"{"audio_url": "http://[::1]/a.mp3"}"#, 400, "forbidden_url"),
        ("IPv4-mapped IPv6 URL", #"{"audio_url": "http://[::ffff:192.168.0.1]/a.mp3"}"#, 400, "forbidden_url"),
        ("unique local IPv6 URL", #"{"audio_url": "http://[fd00::1]/a.mp3"}"#, 400, "forbidden_url"),
        ("private callback URL", #"{"dialog_text": "hi", "callback_url": "http://192.168.1.1/hook"}"#, 400, "forbidden_url"),
        ("NUL in the text", #"{"dialog_text": "Agent: hi\u0000there"}"#, 400, "invalid_field"),
        ("NUL in a metadata key (found by schemathesis)", #"{"dialog_text": "hi", "metadata": {"a": {"x\u0000y": 1}}}"#, 400,
         "invalid_field"),
        ("NUL in a metadata value", #"{"dialog_text": "hi", "metadata": {"a": ["ok", "b\u0000"]}}"#, 400, "invalid_field"),
        ("manager id too long", #"{"dialog_text": "hi", "manager_id": "\#(String(repeating: "m", count: 200))"}"#, 400, "invalid_field"),
    ]

    @Test("POST /v1/calls refuses bad bodies", arguments: 0..<cases.count)
    func badBodies(index: Int) async throws {
        let item = Self.cases[index]
        try await IngestHarness.with { harness, client in
            let response = try await client.post("/v1/calls", json: item.body)
            #expect(Int(response.status.code) == item.status, "\(item.name): \(response.text)")
            #expect(response.errorCode == item.code, "\(item.name): \(response.text)")
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty, "\(item.name) stored a call")
        }
    }

    @Test("a text over the limit is 413 and a body over the JSON limit is 413")
    func oversized() async throws {
        try await IngestHarness.with(environment: ["MAX_TEXT_BYTES": "100", "MAX_JSON_BYTES": "1000"]) { _, client in
            let long = try await client.post("/v1/calls", json: #"{"dialog_text": "\#(String(repeating: "a", count: 200))"}"#)
            #expect(long.status == .contentTooLarge)
            #expect(long.errorCode == "text_too_large")
            let huge = try await client.post("/v1/calls", json: #"{"dialog_text": "\#(String(repeating: "a", count: 5000))"}"#)
            #expect(huge.status == .contentTooLarge)
            #expect(huge.errorCode == "body_too_large")
        }
    }

    @Test("an upload over the cap is 413; no file, or no multipart, is a 4xx")
    func badUploads() async throws {
        try await IngestHarness.with(environment: ["MAX_UPLOAD_BYTES": "1000"]) { harness, client in
            let big = MultipartBody(fields: [:], file: ("audio", "big.wav", [UInt8](repeating: 1, count: 5000)))
            let tooLarge = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: big.contentType], body: big.buffer)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.errorCode == "file_too_large")

            let noFile = MultipartBody(fields: ["mode": "manager"], file: nil)
            let missing = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: noFile.contentType], body: noFile.buffer)
            #expect(missing.status == .badRequest)
            #expect(missing.errorCode == "missing_field")

            let json = try await client.post("/v1/calls/audio", json: "{}")
            #expect(json.status == .unsupportedMediaType)

            let garbage = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: "multipart/form-data; boundary=xyz"],
                body: ByteBuffer(string: "this is not multipart at all"))
            #expect(garbage.status == .badRequest)

            let kilobytes = String(repeating: "x", count: 400_000)
            let fatFields = MultipartBody(fields: ["a": kilobytes, "b": kilobytes, "c": kilobytes, "mode": "manager"],
                                          file: ("audio", "a.wav", [1, 2, 3]))
            let fields = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: fatFields.contentType], body: fatFields.buffer)
            #expect(fields.status == .contentTooLarge && fields.errorCode == "field_too_large", "1.2 MB of fields together")

            let twoFiles = MultipartBody(fields: [:], files: [("audio", "a.wav", [1, 2, 3]), ("file", "b.wav", [4, 5, 6])])
            let second = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: twoFiles.contentType], body: twoFiles.buffer)
            #expect(second.status == .badRequest && second.errorCode == "invalid_multipart")

            let manyParts = MultipartBody(
                fields: Dictionary(uniqueKeysWithValues: (0..<70).map { ("f\($0)", "v") }), file: ("audio", "a.wav", [1, 2, 3]))
            let parts = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: manyParts.contentType], body: manyParts.buffer)
            #expect(parts.status == .badRequest && parts.text.contains("more than 64 parts"))
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty)
        }
    }

    @Test("unknown ids, routes and query values are 4xx JSON errors")
    func badReads() async throws {
        try await IngestHarness.with { _, client in
            let unknown = try await client.get("/v1/calls/\(UUID())")
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "not_found")
            #expect(try await client.get("/v1/calls/not-a-uuid").status == .notFound)
            let route = try await client.get("/v1/nothing-here")
            #expect(route.status == .notFound)
            #expect(try await client.get("/v1/calls?status=lost").errorCode == "invalid_status")
            #expect(try await client.get("/v1/calls?limit=0").errorCode == "invalid_limit")
            #expect(try await client.get("/v1/calls?cursor=zzz").errorCode == "invalid_cursor")
            let forged = Data("not-a-time|\(UUID().uuidString)".utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            let forgedPage = try await client.get("/v1/calls?cursor=\(forged)")
            #expect(forgedPage.status == .badRequest)
            #expect(forgedPage.errorCode == "invalid_cursor")
            #expect(try await client.get("/v1/reports/managers?from=yesterday").errorCode == "invalid_date")
            #expect(try await client.get("/v1/reports/managers?from=2026-02-01&to=2026-01-01").errorCode == "invalid_period")
            #expect(try await client.get("/v1/reports/managers/anna?bucket=year").errorCode == "invalid_bucket")
        }
    }

    @Test("webhook: missing fields are 400; with a secret, a missing or wrong signature is 401 and the right one passes")
    func webhookSignature() async throws {
        try await IngestHarness.with(environment: ["WEBHOOK_SECRET": "s3cret"]) { _, client in
            let body = #"{"call_id": "c-1", "recording_url": "https://crm.example.com/1.mp3"}"#
            let unsigned = try await client.post("/v1/webhooks/crm", json: body)
            #expect(unsigned.status == .unauthorized)
            #expect(unsigned.errorCode == "missing_signature")
            let wrong = try await client.post("/v1/webhooks/crm", json: body, headers: [HTTPField.Name("X-Signature")!: "sha256=" + String(repeating: "0", count: 64)])
            #expect(wrong.errorCode == "invalid_signature")
            let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data("s3cret".utf8)))
            let hex = mac.hexString
            let signed = try await client.post("/v1/webhooks/crm", json: body, headers: [HTTPField.Name("X-Signature")!: "sha256=\(hex)"])
            #expect(signed.status == .accepted)
            let replay = try await client.post("/v1/webhooks/crm", json: body, headers: [HTTPField.Name("X-Signature")!: "sha256=\(hex)"])
            #expect(replay.json["id"] as? String == signed.json["id"] as? String)
        }
        try await IngestHarness.with { _, client in
            let noURL = try await client.post("/v1/webhooks/crm", json: #"{"call_id": "c-2"}"#)
            #expect(noURL.errorCode == "missing_field")
            let noID = try await client.post("/v1/webhooks/crm", json: #"{"recording_url": "https://crm.example.com/1.mp3"}"#)
            #expect(noID.errorCode == "missing_field")
        }
    }

    @Test("with Redis unreachable a submission is 503 and leaves no call behind")
    func redisDown() async throws {
        try await IngestHarness.with(redisURL: "redis://127.0.0.1:1/0") { harness, client in
            let response = try await client.post("/v1/calls", json: #"{"dialog_text": "Manager: hello"}"#)
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorCode == "unavailable")
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty)
            let ready = try await client.get("/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect((ready.json["checks"] as? [String: String])?["redis"] == "unreachable")
        }
    }
}
