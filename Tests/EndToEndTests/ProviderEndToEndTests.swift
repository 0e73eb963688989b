import Audio
import Foundation
import Providers
import Testing
import TestSupport

/// Audio and text calls through both binaries with a provider server configured by URL only (no code change).
@Suite("Calls through providers configured by URL", .serialized)
struct ProviderEndToEndTests {
    static let key = "sk-e2e-SECRET-4f2a9c"
    static let hfToken = "hf_e2e_SECRET_77aa"

    /// A mono PCM16 recording at 8 kHz whose samples depend on `seed`, so that two seeds are two different recordings.
    static func recording(seconds: Int, seed: UInt8) -> [UInt8] {
        let samples = (0..<seconds * 16_000).map { UInt8(truncatingIfNeeded: $0 &* Int(seed)) }
        return WAVAudio.file(samples, formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16)
    }

    static func result(_ call: [String: Any]) -> [String: Any] {
        call["result"] as? [String: Any] ?? [:]
    }

    @Test("an upload and a URL end done with segments, roles and a score; two requests each, none for the same audio again, one for text")
    func audioAndText() async throws {
        try await FakeProviderServer.with { server in
            await server.serve("/recordings/b.wav", Self.recording(seconds: 2, seed: 7))
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": Self.key, "AUDIO_URL_ALLOW_PRIVATE": "true",
            ]) { stack in
                try stack.startWorker()
                // The fake hears the same words in every recording: another mode keeps the second analysis off the cache.
                let uploaded = try await stack.upload(Self.recording(seconds: 1, seed: 3), fields: ["manager_id": "anna", "mode": "manager"])
                let linked = try await stack.submit(json: #"{"audio_url": "\#(server.baseURL)/recordings/b.wav", "manager_id": "boris", "mode": "client"}"#)
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 2) == 2)
                for id in [uploaded, linked] {
                    let result = Self.result(try await stack.call(id))
                    let segments = result["segments"] as? [[String: Any]] ?? []
                    #expect(segments.map { $0["role"] as? String } == ["manager", "customer", "manager", "customer"])
                    #expect(segments.first?["speaker"] as? String == "A" && segments.first?["end"] as? Double == 3.2)
                    #expect((result["total_score"] as? Int).map { (1...100).contains($0) } == true)
                    let steps = (result["providers"] as? [[String: Any]] ?? []).map { "\($0["step"] ?? ""):\($0["provider"] ?? "")" }
                    #expect(steps == ["transcription:openai", "roles:openai", "analysis:openai"])
                    let calls = result["provider_calls"] as? [[String: Any]] ?? []
                    #expect(calls.map { $0["step"] as? String } == ["transcription", "analysis"])
                    #expect((result["cost_usd"] as? Double ?? 0) > 0)
                }
                #expect(await server.requests("/audio/transcriptions").count == 2)
                #expect(await server.requests("/chat/completions").count == 2)
                #expect(await server.requests("/audio/transcriptions").allSatisfy { $0.field("model") == "gpt-4o-transcribe-diarize" })

                let again = try await stack.upload(Self.recording(seconds: 1, seed: 3), fields: ["manager_id": "anna"])
                let text = try await stack.submit(json: #"{"dialog_text": "Agent: Hello, Acme here. Customer: Hi, a price please.", "manager_id": "chen"}"#)
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 4) == 4)
                let cached = Self.result(try await stack.call(again))
                #expect((cached["providers"] as? [[String: Any]] ?? []).allSatisfy { $0["cached"] as? Bool == true })
                #expect((cached["provider_calls"] as? [Any])?.isEmpty == true)
                #expect(await server.requests("/audio/transcriptions").count == 2, "the same audio again makes no request")
                #expect(await server.requests("/chat/completions").count == 3, "a text call makes exactly one")
                #expect(Self.result(try await stack.call(text))["total_score"] is Int)
                #expect(try await stack.count("SELECT count(*) FROM provider_calls") == 5)

                let report = Stack.object(try await stack.request("GET", "/v1/reports/managers"))
                let managers = report["managers"] as? [[String: Any]] ?? []
                #expect(managers.first { $0["manager_id"] as? String == "anna" }?["cost_usd"] as? Double ?? 0 > 0)
                #expect(!stack.fullLogs.contains(Self.key))
            }
        }
    }

    @Test("OpenAI answering 401 is taken out without a retry; Hugging Face serves the call and /v1/providers says so")
    func failover() async throws {
        try await FakeProviderServer.with { server in
            await server.script("/openai/v1/audio/transcriptions",
                .openAIError(401, message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key"))
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": server.baseURL + "/openai/v1", "OPENAI_API_KEY": Self.key, "OPENAI_TRANSCRIBE_MODEL": "whisper-1",
                "HUGGINGFACE_API_TOKEN": Self.hfToken, "HUGGINGFACE_BASE_URL": server.baseURL + "/hf",
                "PROVIDERS": "openai,huggingface,local", "LOG_FORMAT": "json",
            ]) { stack in
                try stack.startWorker()
                let id = try await stack.upload(Self.recording(seconds: 1, seed: 5), fields: ["manager_id": "dina"])
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)
                let result = Self.result(try await stack.call(id))
                let steps = (result["providers"] as? [[String: Any]] ?? []).map { "\($0["step"] ?? ""):\($0["provider"] ?? "")" }
                #expect(steps == ["transcription:huggingface", "roles:huggingface", "analysis:huggingface"])
                #expect(await server.requests("/openai/v1/").count == 1, "no retry of a 401, and no analysis request to OpenAI")
                #expect(await server.requests("/hf/hf-inference/models/openai/whisper-large-v3").count == 1)
                #expect(await server.requests("/hf/v1/chat/completions").first?.headers["authorization"] == "Bearer \(Self.hfToken)")
                let calls = result["provider_calls"] as? [[String: Any]] ?? []
                #expect(calls.map { $0["http_status"] as? Int } == [401, 200, 200])

                var openAI: [String: Any]?
                for _ in 0..<60 where openAI?["available"] as? Bool != false {
                    let providers = Stack.object(try await stack.request("GET", "/v1/providers"))["providers"] as? [[String: Any]] ?? []
                    openAI = providers.first { $0["provider"] as? String == "openai" }
                    if openAI?["available"] as? Bool != false { try await Task.sleep(for: .milliseconds(250)) }
                }
                #expect(openAI?["available"] as? Bool == false)
                #expect(openAI?["last_request_ok"] as? Bool == false && openAI?["last_status"] as? Int == 401)
                let body = try await stack.request("GET", "/v1/providers").text ?? ""
                #expect(!body.contains(Self.key) && !body.contains(Self.hfToken))
                #expect(!stack.fullLogs.contains(Self.key) && !stack.fullLogs.contains(Self.hfToken))
                let failure = stack.fullLogs.split(separator: "\n").first { $0.contains("provider request failed") }
                let line = failure.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                #expect((line?["call_id"] as? String)?.lowercased() == id)
                #expect(line?["provider"] as? String == "openai" && line?["level"] as? String == "warning")
                #expect(line?["service"] as? String == "callaudit-worker" && line?["ts"] != nil)
            }
        }
    }
}
