import Foundation

/// The default answers of ``FakeProviderServer``, in each provider's real wire format.
public enum FakeAnswers {
    /// A short sales call: speaker A is the manager, B the customer.
    static let lines: [(speaker: String, start: Double, end: Double, text: String)] = [
        ("A", 0.0, 3.2, "Hello, this is Anna from Acme Telecom, how can I help you?"),
        ("B", 3.4, 6.1, "Hi, I am looking for a faster internet plan."),
        ("A", 6.3, 9.8, "What speed do you need and what is your budget?"),
        ("B", 10.0, 12.5, "Around one hundred megabits. Please send me the offer."),
    ]

    static func json(_ object: Any) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    /// `POST /audio/transcriptions` in the asked `response_format`.
    static func transcription(format: String?) -> FakeResponse {
        let text = lines.map(\.text).joined(separator: " ")
        let body: Any
        switch format {
        case "diarized_json":
            body = ["task": "transcribe", "duration": 12.5, "text": text,
                    "segments": lines.enumerated().map { index, line in
                        ["type": "transcript.text.segment", "id": "seg_\(index)", "start": line.start, "end": line.end,
                         "text": line.text, "speaker": line.speaker] as [String: Any]
                    },
                    "usage": ["type": "duration", "seconds": 13]] as [String: Any]
        case "verbose_json":
            body = ["task": "transcribe", "language": "english", "duration": 12.5, "text": text,
                    "segments": lines.enumerated().map { index, line in
                        ["id": index, "seek": 0, "start": line.start, "end": line.end, "text": " " + line.text,
                         "tokens": [50364], "temperature": 0.0, "avg_logprob": -0.2, "compression_ratio": 1.3,
                         "no_speech_prob": 0.01] as [String: Any]
                    },
                    "usage": ["type": "duration", "seconds": 13]] as [String: Any]
        case "text":
            return FakeResponse(status: 200, headers: ["content-type": "text/plain"], body: text)
        default:
            body = ["text": text, "usage": ["type": "tokens", "input_tokens": 120, "output_tokens": 40, "total_tokens": 160,
                                            "input_token_details": ["text_tokens": 0, "audio_tokens": 120]]] as [String: Any]
        }
        return FakeResponse(status: 200, headers: ["content-type": "application/json"], body: json(body))
    }

    /// Hugging Face automatic speech recognition.
    static let huggingFace = FakeResponse(status: 200, headers: ["content-type": "application/json"], body: json([
        "text": lines.map(\.text).joined(separator: " "),
        "chunks": lines.map { ["text": $0.text, "timestamp": [$0.start, $0.end]] as [String: Any] },
    ]))

    /// A chat completion whose content fits the request's JSON schema: every criterion 80 but the last (40),
    /// segments marked `?` get a role from their speaker (A or channel 1: manager) or, without one, by turn.
    static func chat(request: [String: Any]?) -> FakeResponse {
        if request?["stream"] as? Bool == true { return streamedChat(pieces: streamedAnswer, model: request?["model"] as? String) }
        let messages = request?["messages"] as? [[String: Any]] ?? []
        let user = messages.last?["content"] as? String ?? ""
        let format = request?["response_format"] as? [String: Any]
        let schema = (format?["json_schema"] as? [String: Any])?["schema"] as? [String: Any]
        let criteria = ((((schema?["properties"] as? [String: Any])?["criteria"] as? [String: Any])?["items"]
            as? [String: Any])?["properties"] as? [String: Any])?["key"] as? [String: Any]
        let keys = criteria?["enum"] as? [String] ?? []
        var roles: [[String: Any]] = []
        for line in user.components(separatedBy: "\n") {
            guard let dot = line.range(of: ". "), let index = Int(line[..<dot.lowerBound]) else { continue }
            let rest = line[dot.upperBound...]
            guard rest.hasPrefix("?") else { continue }
            let speaker = rest.range(of: "(").flatMap { open in rest[open.upperBound...].range(of: ")").map { String(rest[open.upperBound..<$0.lowerBound]) } }
            let manager = speaker.map { $0 == "A" || $0 == "channel 1" } ?? index.isMultiple(of: 2)
            roles.append(["segment": index, "role": manager ? "manager" : "customer"])
        }
        let analysis: [String: Any] = [
            "language": "en", "topic": "internet plan", "roles": roles,
            "criteria": keys.enumerated().map { index, key in
                ["key": key, "score": index == keys.count - 1 ? 40 : 80, "evidence": "What speed do you need"] as [String: Any]
            },
            "summary": "The customer asked for a faster plan; the manager asked about speed and budget.",
            "recommendations": ["Agree a concrete next step before the call ends."],
            "sentiment": ["overall": 0.4, "manager": 0.5, "customer": 0.3],
            "profanity": [] as [Any],
        ]
        let completion: [String: Any] = [
            "id": "chatcmpl-test", "object": "chat.completion", "created": 1_790_000_000, "model": request?["model"] ?? "deployment",
            "choices": [["index": 0, "message": ["role": "assistant", "content": json(analysis), "refusal": NSNull()],
                         "finish_reason": "stop"] as [String: Any]],
            "usage": ["prompt_tokens": 1200, "completion_tokens": 300, "total_tokens": 1500],
        ]
        return FakeResponse(status: 200, headers: ["content-type": "application/json"], body: json(completion))
    }

    /// The pieces of the default streamed answer to a question about a call.
    public static let streamedAnswer = ["The manager asked about ", "speed and budget: ", "“What speed do you need?”"]

    /// A streamed chat completion (`stream: true`) as OpenAI sends it: one `chat.completion.chunk` event per piece,
    /// the usage in a last event without choices (`stream_options.include_usage`), then `[DONE]` unless `done` is false
    /// (a stream broken off).
    public static func streamedChat(pieces: [String], model: String? = nil, done: Bool = true) -> FakeResponse {
        func event(_ object: [String: Any]) -> String { "data: " + json(object) + "\n\n" }
        let base: [String: Any] = ["id": "chatcmpl-stream", "object": "chat.completion.chunk", "created": 1_790_000_000,
                                   "model": model ?? "deployment"]
        var body = event(base.merging(["choices": [["index": 0, "delta": ["role": "assistant", "content": ""], "finish_reason": NSNull()]]]) { $1 })
        for piece in pieces {
            body += event(base.merging(["choices": [["index": 0, "delta": ["content": piece], "finish_reason": NSNull()]]]) { $1 })
        }
        if done {
            body += event(base.merging(["choices": [["index": 0, "delta": [:] as [String: Any], "finish_reason": "stop"]]]) { $1 })
            body += event(base.merging(["choices": [] as [Any], "usage": ["prompt_tokens": 900, "completion_tokens": 25, "total_tokens": 925]]) { $1 })
            body += "data: [DONE]\n\n"
        }
        return FakeResponse(status: 200, headers: ["content-type": "text/event-stream"], body: body)
    }
}
