import CallAuditCore

/// Coaching recommendations in the call's language, so that a good call too gives a team lead something for a
/// coaching talk. Weakest first: a fix for each criterion scored below ``weak`` (at most four) or, when none is, the
/// next-level step for the weakest criterion; then what to keep doing: the strongest criteria scored ``strong`` or
/// more, each with the quote that shows it (its closing full stop moved after the quotation mark). Never empty, at
/// most ``limit``.
struct CoachingWriter {
    static let weak = 60
    static let strong = 70
    static let limit = 5
    let language: String

    func recommendations(for criteria: [CriterionScore]) -> [String] {
        let weakestFirst = criteria.sorted { ($0.score, $0.key) < ($1.score, $1.key) }
        let weak = weakestFirst.filter { $0.score < Self.weak }
        let (advised, table) = weak.isEmpty ? (Array(weakestFirst.prefix(1)), CoachingAdvice.nextLevel)
            : (Array(weak.prefix(Self.limit - 1)), CoachingAdvice.fix)
        let advice = advised.compactMap { table[$0.key] }
        let strongestFirst = criteria.enumerated()
            .filter { $0.element.score >= Self.strong && $0.element.evidence != nil }
            .sorted { ($1.element.score, $0.offset) < ($0.element.score, $1.offset) }
            .map(\.element)
        let praised = strongestFirst.filter { criterion in !advised.contains { $0.key == criterion.key } }
            .prefix(min(2, Self.limit - advice.count))
        return advice.map { $0.text(in: language) } + praised.compactMap { criterion in
            guard let evidence = criterion.evidence, let keep = CoachingAdvice.keep[criterion.key] else { return nil }
            let quote = evidence.hasSuffix(".") && !evidence.hasSuffix("..") ? String(evidence.dropLast()) : evidence
            return LocalizedText(ru: "Продолжайте \(keep.ru), как здесь: «\(quote)».",
                                 ko: "\(keep.ko) 지금처럼 계속하세요: «\(quote)».",
                                 en: "Keep \(keep.en), as here: “\(quote)”.").text(in: language)
        }
    }
}
