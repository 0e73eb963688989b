import CallAuditCore

/// The answer without a chat model: the turns of the call (or calls) that share the most words with the question,
/// quoted in call order, and said to be a local answer, in the question's language (Russian, Korean or English).
enum LocalChatAnswer {
    static let quoted = 3

    /// The answer to `question` from `sources`; `note` says why no model answered, when one should have.
    static func answer(question: String, sources: [(label: String?, segments: [Segment])], note: String?) -> String {
        let language = language(of: question)
        let words = Set(terms(question))
        var scored: [(score: Int, source: Int, index: Int)] = []
        for (sourceIndex, source) in sources.enumerated() {
            for (index, segment) in source.segments.enumerated() {
                let text = segment.text.lowercased()
                let score = words.filter { text.contains($0) }.count
                if score > 0 { scored.append((score, sourceIndex, index)) }
            }
        }
        let best = scored.sorted { ($0.score, -$0.source, -$0.index) > ($1.score, -$1.source, -$1.index) }.prefix(quoted)
            .sorted { ($0.source, $0.index) < ($1.source, $1.index) }
        var lines = [phrase(language, note == nil ? "intro" : "intro_failed")]
        if let note { lines.append("(\(note))") }
        if best.isEmpty {
            lines.append(phrase(language, "nothing"))
        } else {
            lines.append(phrase(language, "found"))
            for hit in best {
                let segment = sources[hit.source].segments[hit.index]
                let label = sources[hit.source].label.map { "[\($0)] " } ?? ""
                lines.append("— \(label)\(role(segment.role, language)): “\(segment.text)”")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The question's words worth looking for: not the little words every question has, three letters or more (two in
    /// Korean), longer words cut by their last letter (to five at most) so that other endings of the word match too.
    static func terms(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.compactMap { word in
            let korean = word.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }
            guard word.count >= (korean ? 2 : 3), !stopWords.contains(String(word)) else { return nil }
            if korean { return String(word.prefix(3)) }
            return String(word.prefix(word.count > 3 ? min(5, word.count - 1) : 3))
        }
    }

    static let stopWords: Set<String> = [
        "the", "and", "what", "did", "does", "was", "were", "about", "say", "said", "how", "why", "who", "when", "for",
        "with", "this", "that", "call", "что", "как", "про", "это", "был", "была", "были", "сказал", "сказала", "почему",
        "кто", "когда", "для", "звонок", "звонке",
    ]

    static func language(of text: String) -> String {
        if text.unicodeScalars.contains(where: { (0xAC00...0xD7A3).contains($0.value) }) { return "ko" }
        if text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) { return "ru" }
        return "en"
    }

    static func role(_ role: SpeakerRole, _ language: String) -> String {
        switch (role, language) {
        case (.manager, "ru"): "Менеджер"
        case (.customer, "ru"): "Клиент"
        case (_, "ru"): "Говорящий"
        case (.manager, "ko"): "상담원"
        case (.customer, "ko"): "고객"
        case (_, "ko"): "화자"
        case (.manager, _): "Manager"
        case (.customer, _): "Customer"
        default: "Speaker"
        }
    }

    static func phrase(_ language: String, _ key: String) -> String {
        let phrases: [String: [String: String]] = [
            "en": ["intro": "Local answer (no AI model is configured), from the transcript alone.",
                   "intro_failed": "Local answer: the AI models could not answer, so this comes from the transcript alone.",
                   "found": "The turns that match your question:",
                   "nothing": "Nothing in the transcript matches the words of your question."],
            "ru": ["intro": "Локальный ответ (модель ИИ не настроена), только по расшифровке.",
                   "intro_failed": "Локальный ответ: модели ИИ не ответили, поэтому он только по расшифровке.",
                   "found": "Реплики, которые подходят к вопросу:",
                   "nothing": "В расшифровке нет слов из вашего вопроса."],
            "ko": ["intro": "로컬 답변(AI 모델이 설정되지 않음), 녹취록만을 근거로 합니다.",
                   "intro_failed": "로컬 답변: AI 모델이 답하지 못해 녹취록만을 근거로 합니다.",
                   "found": "질문과 맞는 발화:",
                   "nothing": "녹취록에 질문의 단어가 없습니다."],
        ]
        return phrases[language]?[key] ?? phrases["en"]?[key] ?? ""
    }
}
