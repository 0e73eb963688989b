import CallAuditCore
import CallStore
import HTTPTypes
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

@testable import CallAuditAPI

@Suite("Submitting calls")
struct SubmitCallTests {
    @Test("a text call is stored queued and enqueued once; GET shows it")
    func textCall() async throws {
        try await IngestHarness.with { harness, client in
            let response = try await client.post("/v1/calls", json: """
                {"dialog_text": "Клиент: Привет! Менеджер: Добрый день!", "mode": "Диалог", "call_id": "crm-1",
                 "manager_id": "anna", "language": "ru", "metadata": {"source": "amo", "tags": ["a"]}}
                """)
            #expect(response.status == .accepted)
            let id = try #require(response.json["id"] as? String)
            #expect(response.json["status"] as? String == "queued")
            #expect((response.json["links"] as? [String: String])?["self"] == "/v1/calls/\(id)")
            #expect(try await harness.queue.stats().lag == 1)

            let shown = try await client.get("/v1/calls/\(id)")
            #expect(shown.status == .ok)
            #expect(shown.json["mode"] as? String == "dialog")
            #expect(shown.json["manager_id"] as? String == "anna")
            #expect(shown.json["call_id"] as? String == "crm-1")
            #expect(shown.json["stage"] as? String == "queued")
            #expect((shown.json["metadata"] as? [String: Any])?["source"] as? String == "amo")
        }
    }

    @Test("the same Idempotency-Key twice gives one call and one queue entry")
    func idempotencyKey() async throws {
        try await IngestHarness.with { harness, client in
            let body = #"{"dialog_text": "Manager: Hello. Customer: Hi."}"#
            let first = try await client.post("/v1/calls", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "k-1"])
            let second = try await client.post("/v1/calls", json: body, headers: [HTTPField.Name("Idempotency-Key")!: "k-1"])
            #expect(first.status == .accepted)
            #expect(second.status == .accepted)
            #expect(first.json["id"] as? String == second.json["id"] as? String)
            #expect(try await harness.queue.stats().streamLength == 1)
        }
    }

    @Test("the same CRM webhook twice makes one call")
    func webhookTwice() async throws {
        try await IngestHarness.with { harness, client in
            let body = #"{"call_id": "crm-77", "manager_id": "boris", "recording_url": "https://crm.example.com/rec/77.mp3"}"#
            let first = try await client.post("/v1/webhooks/crm", json: body)
            let second = try await client.post("/v1/webhooks/crm", json: body)
            let seed = try await client.post("/webhook/new_call_recording", json: body)
            #expect(first.status == .accepted)
            #expect(first.json["id"] as? String == second.json["id"] as? String)
            #expect(seed.json["id"] as? String == first.json["id"] as? String)
            #expect(try await harness.queue.stats().streamLength == 1)
            let list = try await client.get("/v1/calls?manager_id=boris")
            #expect((list.json["calls"] as? [Any])?.count == 1)
        }
    }

    @Test("a 3.5 MB upload is stored in four chunks as it streams in and reads back byte for byte")
    func largeUpload() async throws {
        try await IngestHarness.with { harness, client in
            let audio = [UInt8]("RIFF\0\0\0\0WAVEfmt ".utf8) + (0..<(7 * AudioChunk.size / 2)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let form = MultipartBody(fields: ["manager_id": "anna"], file: ("audio", "long.wav", audio))
            let response = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: form.contentType], body: form.buffer)
            #expect(response.status == .accepted)
            let id = try #require((response.json["id"] as? String).flatMap(UUID.init(uuidString:)))
            #expect(try await harness.repository.audio(of: id)?.size == audio.count)
            #expect(try await harness.repository.audioChunk(3, of: id) != nil)
            #expect(try await harness.repository.recording(of: id) == audio)
        }
    }

    @Test("an uploaded recording is accepted and stored")
    func upload() async throws {
        try await IngestHarness.with { harness, client in
            let audio = [UInt8]("RIFF\0\0\0\0WAVEfmt ".utf8) + [UInt8](repeating: 7, count: 5000)
            let form = MultipartBody(fields: ["mode": "client", "manager_id": "anna"], file: ("audio", "call.wav", audio))
            let response = try await client.execute(
                uri: "/v1/calls/audio", method: .post, headers: [.contentType: form.contentType], body: form.buffer)
            #expect(response.status == .accepted)
            let id = try #require((response.json["id"] as? String).flatMap(UUID.init(uuidString:)))
            let stored = try await harness.repository.audio(of: id)
            #expect(try await harness.repository.recording(of: id) == audio)
            #expect(stored?.filename == "call.wav")
            #expect(try await harness.repository.find(id)?.mode == .client)
        }
    }

    @Test("GET /v1/calls pages with a cursor and filters by status")
    func listing() async throws {
        try await IngestHarness.with { _, client in
            for index in 0..<5 {
                _ = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi \#(index)", "manager_id": "m"}"#)
            }
            let first = try await client.get("/v1/calls?limit=2")
            #expect((first.json["calls"] as? [Any])?.count == 2)
            let cursor = try #require(first.json["next_cursor"] as? String)
            let second = try await client.get("/v1/calls?limit=2&cursor=\(cursor)")
            #expect((second.json["calls"] as? [Any])?.count == 2)
            let queued = try await client.get("/v1/calls?status=queued&limit=50")
            #expect((queued.json["calls"] as? [Any])?.count == 5)
            let done = try await client.get("/v1/calls?status=done")
            #expect((done.json["calls"] as? [Any])?.count == 0)
        }
    }

    @Test("seed endpoints answer 202 with the call id when the result is not ready in time")
    func seedAccepted() async throws {
        try await IngestHarness.with { _, client in
            let response = try await client.post("/analyze_call", json: #"{"dialog_text": "Manager: Hello", "content_mode": "Manager+"}"#)
            #expect(response.status == .accepted)
            #expect(response.json["id"] is String)
        }
    }

    @Test("health answers, ready checks Redis and PostgreSQL, metrics show the queue")
    func health() async throws {
        try await IngestHarness.with { _, client in
            #expect(try await client.get("/health").status == .ok)
            let ready = try await client.get("/ready")
            #expect(ready.status == .ok)
            #expect((ready.json["checks"] as? [String: String]) == ["redis": "ok", "postgres": "ok"])
            _ = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi"}"#)
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("# TYPE callaudit_queue_lag gauge\ncallaudit_queue_lag 1.0\n"))
        }
    }
}

/// A multipart/form-data body built by hand, as a client would send it.
struct MultipartBody {
    let boundary = "----callaudit-test-\(UUID().uuidString)"
    var buffer = ByteBuffer()

    init(fields: [String: String], file: (name: String, filename: String, bytes: [UInt8])?) {
        self.init(fields: fields, files: file.map { [$0] } ?? [])
    }

    init(fields: [String: String], files: [(name: String, filename: String, bytes: [UInt8])]) {
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            buffer.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\n"
                    + "Content-Type: audio/wav\r\n\r\n")
            buffer.writeBytes(file.bytes)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(boundary)--\r\n")
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}
