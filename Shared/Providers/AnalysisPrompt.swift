import CallAuditCore

/// The instructions and the strict JSON schema of the one analysis request per call (DESIGN.md §2, step 5).
/// Changing either changes ``version``, which is part of every cache key: an old answer is never served for a new prompt.
public enum AnalysisPrompt {
    /// The prompt's version.
    public static let version = "2026-11-24.1"

    /// What identifies a request for the cache: both messages, so the same dialog in another mode, language or
    /// prompt version is another answer.
    public static func identity(for request: AnalysisRequest) -> String {
        system(for: request) + "\n" + user(for: request)
    }

    /// The system message.
    static func system(for request: AnalysisRequest) -> String {
        let language = request.outputLanguage.map { "the language with ISO 639-1 code \"\($0)\"" }
            ?? "the language of the call"
        return """
            You audit recorded sales and support phone calls for a call-center team lead. The transcript below is \
            numbered by segment; a segment's role is manager, customer, or ? when the transcript does not say.
            Do all of this and answer only with JSON in the given schema:
            - roles: for every segment marked ?, decide whether the manager (the company's agent) or the customer \
            speaks, from what is said; never assume the first speaker is the manager; use unknown only when nothing shows it.
            - criteria: score every criterion of the rubric from 0 (absent or wrong) to 100 (exemplary), with a short \
            quote from the transcript as evidence (an empty string when nothing in the call bears on it).
            - summary: two or three sentences on what the call was about and how it ended.
            - recommendations: up to five concrete coaching points for the manager, weakest criteria first.
            - sentiment: overall, manager and customer, each from -1 (hostile) to 1 (delighted), 0 neutral.
            - profanity: every swear word or obscenity, with its segment number and the exact word.
            - language: the ISO 639-1 code of the call; topic: a few words.
            Write summary, recommendations and topic in \(language). The total score is computed from your criterion \
            scores; do not give one.
            """
    }

    /// The user message: the rubric of the mode and the numbered transcript.
    static func user(for request: AnalysisRequest) -> String {
        let rubric = Rubric.forMode(request.mode)
        var lines = ["Mode: \(request.mode.rawValue)", "Rubric:"]
        lines += rubric.criteria.map { "- \($0.key): \($0.name). \($0.description)" }
        if let hint = request.languageHint { lines.append("Language given by the caller: \(hint)") }
        lines.append("Transcript:")
        for (index, segment) in request.segments.enumerated() {
            let role = segment.role == .unknown ? "?" : segment.role.rawValue
            let speaker = segment.speaker.map { " (\($0))" } ?? ""
            let time = segment.start.map { " [\(String(format: "%.1f", $0))s]" } ?? ""
            lines.append("\(index). \(role)\(speaker)\(time): \(segment.text)")
        }
        return lines.joined(separator: "\n")
    }

    /// The strict JSON schema of ``ModelAnalysis`` for a rubric: criterion keys are an enum of the mode's keys.
    public static func schema(for rubric: Rubric) -> JSONValue {
        let role = JSONValue.object(["type": "string", "enum": .array(["manager", "customer", "unknown"])])
        let sentiment = JSONValue.object(["type": "number", "description": "-1 hostile … 0 neutral … 1 delighted"])
        return object([
            "language": .object(["type": "string", "description": "ISO 639-1 code"]),
            "topic": .object(["type": "string"]),
            "roles": array(of: object(["segment": .object(["type": "integer"]), "role": role])),
            "criteria": array(of: object([
                "key": .object(["type": "string", "enum": .array(rubric.criteria.map { .string($0.key) })]),
                "score": .object(["type": "number", "description": "0 … 100"]),
                "evidence": .object(["type": "string"]),
            ])),
            "summary": .object(["type": "string"]),
            "recommendations": array(of: .object(["type": "string"])),
            "sentiment": object(["overall": sentiment, "manager": sentiment, "customer": sentiment]),
            "profanity": array(of: object(["segment": .object(["type": "integer"]), "text": .object(["type": "string"])])),
        ])
    }

    /// A closed object whose every property is required, as strict mode wants.
    static func object(_ properties: [String: JSONValue]) -> JSONValue {
        .object([
            "type": "object", "additionalProperties": .bool(false), "properties": .object(properties),
            "required": .array(properties.keys.sorted().map { .string($0) }),
        ])
    }

    static func array(of items: JSONValue) -> JSONValue {
        .object(["type": "array", "items": items])
    }
}
