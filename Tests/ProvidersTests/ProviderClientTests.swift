import Audio
import CallAuditCore
import Foundation
import Providers
import TestSupport
import Testing

/// Each client against a local server speaking the provider's wire format: the exact request, the decoded answer.
@Suite("Provider clients speak each provider's wire format")
struct ProviderClientTests {
    typealias Fixtures = ProviderFixtures

    @Test("OpenAI diarized transcription: multipart with file, model, response_format, chunking_strategy, language")
    func openAIDiarized() async throws {
        try await FakeProviderServer.with { server in
            let transcriber = OpenAITranscriber(endpoint: Fixtures.openAI(server), model: "gpt-4o-transcribe-diarize",
                                                http: Fixtures.http, timeout: Fixtures.timeout)
            let reply = try await transcriber.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav, duration: 1), language: "en")
            let request = try #require(await server.requests().first)
            #expect(request.path == "/v1/audio/transcriptions")
            #expect(request.headers["authorization"] == "Bearer \(Fixtures.key)")
            #expect(request.headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
            let file = try #require(request.parts.first { $0.name == "file" })
            #expect(file.filename == "audio.wav" && file.contentType == "audio/wav" && file.data == Fixtures.wav)
            #expect(request.field("model") == "gpt-4o-transcribe-diarize")
            #expect(request.field("response_format") == "diarized_json")
            #expect(request.field("chunking_strategy") == "auto")
            #expect(request.field("language") == "en")
            #expect(reply.value.segments.map(\.speaker) == ["A", "B", "A", "B"])
            #expect(reply.value.segments.first?.end == 3.2)
            #expect(reply.value.segments.allSatisfy { $0.role == .unknown })
            #expect(reply.usage.first?.audioSeconds == 12.5)
            #expect(reply.usage.first?.httpStatus == 200)
        }
    }

    @Test("whisper-1 asks for verbose_json and gets timed segments; gpt-4o-transcribe asks for json and token usage")
    func whisperAndGPT4o() async throws {
        try await FakeProviderServer.with { server in
            let whisper = OpenAITranscriber(endpoint: Fixtures.openAI(server), model: "whisper-1", http: Fixtures.http, timeout: Fixtures.timeout)
            let timed = try await whisper.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav), language: nil)
            #expect(await server.requests().last?.field("response_format") == "verbose_json")
            #expect(await server.requests().last?.field("language") == nil)
            #expect(timed.value.language == "en")
            #expect(timed.value.segments.count == 4 && timed.value.segments[1].start == 3.4)
            #expect(timed.value.segments[0].text == "Hello, this is Anna from Acme Telecom, how can I help you?")

            let gpt = OpenAITranscriber(endpoint: Fixtures.openAI(server), model: "gpt-4o-transcribe", http: Fixtures.http, timeout: Fixtures.timeout)
            let plain = try await gpt.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav, duration: 12.5), language: nil)
            #expect(await server.requests().last?.field("response_format") == "json")
            #expect(await server.requests().last?.field("chunking_strategy") == nil)
            #expect(plain.value.segments.count == 1)
            #expect(plain.usage.first?.inputTokens == 120 && plain.usage.first?.outputTokens == 40)
            #expect(PriceTable().priced(try #require(plain.usage.first)).costUSD == 0.00112)
            #expect(gpt.maxClipSeconds == 1_400 && whisper.maxClipSeconds == nil, "gpt-4o models take at most 1,500 s a request")
        }
    }

    @Test("Azure: deployment in the path, api-version in the query, api-key header, no model field or Bearer")
    func azure() async throws {
        try await FakeProviderServer.with { server in
            let transcriber = OpenAITranscriber(endpoint: Fixtures.azure(server), model: "whisper-prod", http: Fixtures.http, timeout: Fixtures.timeout)
            _ = try await transcriber.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav), language: nil)
            let analyst = ChatAnalyst(endpoint: Fixtures.azure(server), model: "gpt4o-mini-prod", http: Fixtures.http, timeout: Fixtures.timeout)
            let reply = try await analyst.analyze(AnalysisRequest(segments: Fixtures.labelled, mode: .manager))
            let requests = await server.requests()
            #expect(requests.map(\.path) == ["/openai/deployments/whisper-prod/audio/transcriptions",
                                             "/openai/deployments/gpt4o-mini-prod/chat/completions"])
            #expect(requests.allSatisfy { $0.query == "api-version=2025-03-01-preview" })
            #expect(requests.allSatisfy { $0.headers["api-key"] == Fixtures.azureKey && $0.headers["authorization"] == nil })
            #expect(requests[0].field("model") == nil)
            #expect(requests[1].json?["model"] == nil)
            #expect(reply.value.providers.map(\.provider) == ["azure", "azure"])

            let diarizing = OpenAITranscriber(endpoint: Fixtures.azure(server), model: "stt", servingModel: "gpt-4o-transcribe-diarize",
                                              http: Fixtures.http, timeout: Fixtures.timeout)
            let diarized = try await diarizing.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav), language: nil)
            let last = try #require(await server.requests().last)
            #expect(last.path == "/openai/deployments/stt/audio/transcriptions")
            #expect(last.field("response_format") == "diarized_json" && last.field("chunking_strategy") == "auto",
                    "the format follows AZURE_OPENAI_TRANSCRIBE_MODEL, not the deployment's name")
            #expect(Set(diarized.value.segments.compactMap(\.speaker)).count == 2)
        }
    }

    @Test("Hugging Face: raw audio with its content type and a Bearer token; chunks become timed segments")
    func huggingFace() async throws {
        try await FakeProviderServer.with { server in
            let transcriber = HuggingFaceTranscriber(baseURL: server.baseURL, model: "openai/whisper-large-v3", token: Fixtures.hfToken,
                                                     http: Fixtures.http, timeout: Fixtures.timeout)
            let reply = try await transcriber.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav, duration: 1), language: "en")
            let request = try #require(await server.requests().first)
            #expect(request.path == "/hf-inference/models/openai/whisper-large-v3")
            #expect(request.headers["authorization"] == "Bearer \(Fixtures.hfToken)")
            #expect(request.headers["content-type"] == "audio/wav")
            #expect(request.body == Fixtures.wav)
            #expect(reply.value.segments.map(\.end) == [3.2, 6.1, 9.8, 12.5])
        }
    }

    @Test("chat analysis: strict json_schema with the mode's criteria; the total is ours, from the weights")
    func chatAnalysis() async throws {
        try await FakeProviderServer.with { server in
            let analyst = ChatAnalyst(endpoint: Fixtures.openAI(server), model: "gpt-4o-mini", http: Fixtures.http, timeout: Fixtures.timeout)
            let request = AnalysisRequest(segments: Fixtures.unlabelled, mode: .manager, languageHint: "en")
            let reply = try await analyst.analyze(request)
            let sent = try #require(await server.requests().first)
            #expect(sent.path == "/v1/chat/completions")
            let body = try #require(sent.json)
            #expect(body["model"] as? String == "gpt-4o-mini")
            #expect(body["temperature"] as? Double == 0)
            let format = try #require(body["response_format"] as? [String: Any])
            let schema = try #require(format["json_schema"] as? [String: Any])
            #expect(format["type"] as? String == "json_schema")
            #expect(schema["strict"] as? Bool == true)
            let properties = try #require((schema["schema"] as? [String: Any])?["properties"] as? [String: Any])
            let keys = ((((properties["criteria"] as? [String: Any])?["items"] as? [String: Any])?["properties"]
                as? [String: Any])?["key"] as? [String: Any])?["enum"] as? [String]
            #expect(keys == Rubric.manager.criteria.map(\.key))
            _ = try await analyst.analyze(AnalysisRequest(segments: Fixtures.unlabelled, mode: .dialog))
            let dialogBody = try #require(await server.requests().last?.json)
            let dialogKeys = (((((((dialogBody["response_format"] as? [String: Any])?["json_schema"] as? [String: Any])?["schema"]
                as? [String: Any])?["properties"] as? [String: Any])?["criteria"] as? [String: Any])?["items"]
                as? [String: Any])?["properties"] as? [String: Any])?["key"] as? [String: Any]
            #expect(dialogKeys?["enum"] as? [String] == Rubric.dialog.criteria.map(\.key), "each mode has its own schema")

            let result = reply.value
            #expect(result.segments.map(\.role) == [.manager, .customer, .manager])
            #expect(result.roles == RoleAssignment(source: .model, confidence: nil))
            #expect(result.criteria.map(\.key) == Rubric.manager.criteria.map(\.key))
            let expected = Rubric.manager.total(of: result.criteria)
            #expect(result.totalScore == expected && expected > 40 && expected < 80)
            #expect(result.summary.contains("faster plan"))
            #expect(result.sentiment.customer.label == .positive)
            #expect(result.metrics.turns > 0)
            #expect(reply.usage.first?.inputTokens == 1200 && reply.usage.first?.outputTokens == 300)
            #expect(PriceTable().priced(try #require(reply.usage.first)).costUSD == 0.00036)
        }
    }

    @Test("error bodies are classified: 400/422 bad input; 401, 402, insufficient_quota and a redirect unavailable; 429 and 503 retried with the hint, absurd hints bounded")
    func classification() async throws {
        try await FakeProviderServer.with { server in
            let analyst = ChatAnalyst(endpoint: Fixtures.openAI(server), model: "gpt-4o-mini", http: Fixtures.http, timeout: Fixtures.timeout)
            await server.script("chat/completions",
                .openAIError(400, message: "Invalid 'messages'", type: "invalid_request_error", code: nil),
                .openAIError(401, message: "Incorrect API key provided: \(Fixtures.key)", type: "invalid_request_error", code: "invalid_api_key"),
                .openAIError(429, message: "You exceeded your current quota", type: "insufficient_quota", code: "insufficient_quota"),
                .openAIError(429, message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded", headers: ["retry-after-ms": "250"]),
                FakeResponse(status: 503, headers: ["retry-after": "2"], body: "upstream connect error"),
                FakeResponse(status: 503, body: #"{"error": "Model openai/whisper-large-v3 is currently loading", "estimated_time": 20.5}"#),
                FakeResponse(status: 429, headers: ["retry-after": "1e16"], body: "slow down"),
                FakeResponse(status: 503, headers: ["retry-after-ms": "nan"], body: "unavailable"),
                FakeResponse(status: 503, body: #"{"error": "loading", "estimated_time": 1e300}"#),
                FakeResponse(status: 402, body: #"{"error": "You have exceeded your monthly included credits"}"#),
                FakeResponse(status: 301, headers: ["location": "https://elsewhere.example/v1"], body: ""),
                FakeResponse(status: 422, body: #"{"error": {"message": "audio too short", "type": "invalid_request_error"}}"#))
            var failures: [ProviderFailure] = []
            for _ in 0..<12 {
                do {
                    _ = try await analyst.analyze(AnalysisRequest(segments: Fixtures.labelled, mode: .dialog))
                } catch let failure as ProviderFailure {
                    failures.append(failure)
                }
            }
            #expect(failures.map(\.disposition) == [
                .permanent, .providerUnavailable, .providerUnavailable, .retry(after: .milliseconds(250)), .retry(after: .seconds(2)),
                .retry(after: .milliseconds(20_500)), .retry(after: .seconds(86_400)), .retry(after: nil), .retry(after: .seconds(86_400)),
                .providerUnavailable, .providerUnavailable, .permanent,
            ])
            #expect(failures[0].message == "Invalid 'messages'")
            #expect(!failures[1].message.contains(Fixtures.key) && failures[1].message.contains("[redacted]"))
            #expect(!"\(failures[1])".contains(Fixtures.key))
        }
    }

    @Test("a cut answer, a refusal or JSON outside the schema is rejected for a retry, and its tokens are kept")
    func rejectedAnswers() async throws {
        try await FakeProviderServer.with { server in
            func completion(content: String, refusal: String?, finish: String) -> FakeResponse {
                FakeResponse(status: 200, headers: ["content-type": "application/json"], body: FakeAnswersJSON.completion(
                    content: content, refusal: refusal, finish: finish))
            }
            await server.script("chat/completions",
                completion(content: "{\"language\": \"en\", \"top", refusal: nil, finish: "length"),
                completion(content: "", refusal: "I can't help with that.", finish: "stop"),
                completion(content: "{\"score\": 100}", refusal: nil, finish: "stop"))
            let analyst = ChatAnalyst(endpoint: Fixtures.openAI(server), model: "gpt-4o-mini", http: Fixtures.http, timeout: Fixtures.timeout)
            var messages: [String] = []
            for _ in 0..<3 {
                do {
                    _ = try await analyst.analyze(AnalysisRequest(segments: Fixtures.labelled, mode: .client))
                } catch let failure as ProviderFailure {
                    #expect(failure.disposition == .retry(after: nil))
                    #expect(failure.usage?.outputTokens == 7)
                    messages.append(failure.message)
                }
            }
            #expect(messages.count == 3)
            #expect(messages[0].contains("token limit") && messages[1].contains("refused") && messages[2].contains("schema"))
        }
    }

    @Test("an answer slower than the timeout fails as a retryable timeout")
    func slowAnswer() async throws {
        try await FakeProviderServer.with { server in
            await server.script("audio/transcriptions", FakeResponse(status: 200, body: "{}", delay: .seconds(10)))
            let transcriber = OpenAITranscriber(endpoint: Fixtures.openAI(server), model: "whisper-1", http: Fixtures.http,
                                                timeout: .milliseconds(500))
            let error = await #expect(throws: ProviderFailure.self) {
                _ = try await transcriber.transcribe(AudioClip(bytes: Fixtures.wav, format: .wav), language: nil)
            }
            #expect(error?.disposition == .retry(after: nil))
            #expect(error?.message.contains("timed out") == true)
            #expect(error?.status == nil)
        }
    }
}
