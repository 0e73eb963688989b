import CallAuditCore

/// Writes an extractive summary in the call's language.
struct SummaryWriter {
    let signals: DialogSignals
    let language: String

    func summary(mode: CallMode, total: Int) -> String {
        var sentences: [String] = []
        let request = signals.first(.interest, in: signals.customer) ?? signals.customer.first
        if let request {
            let quote = RubricScorer.quote(request.segment.text)
            sentences.append(localized(ru: "Клиент: «\(quote)».", ko: "고객: «\(quote)».", en: "Customer: “\(quote)”."))
        }
        if let agreed = signals.agreedNextStep {
            let quote = RubricScorer.quote(agreed.step.segment.text)
            sentences.append(localized(ru: "Следующий шаг: «\(quote)».", ko: "다음 단계: «\(quote)».", en: "Next step: “\(quote)”."))
        } else {
            sentences.append(localized(ru: "Следующий шаг не согласован.", ko: "다음 단계가 합의되지 않았습니다.",
                                      en: "No next step was agreed."))
        }
        if signals.objection != nil {
            sentences.append(localized(ru: "Клиент высказал возражение.", ko: "고객이 이의를 제기했습니다.",
                                      en: "The customer raised an objection."))
        }
        if !signals.profanity.isEmpty {
            sentences.append(localized(ru: "В разговоре есть ненормативная лексика.", ko: "대화에 욕설이 있습니다.",
                                      en: "The call contains profanity."))
        }
        sentences.append(localized(ru: "Оценка: \(total)/100.", ko: "점수: \(total)/100.", en: "Score: \(total)/100."))
        return sentences.joined(separator: " ")
    }

    func localized(ru: String, ko: String, en: String) -> String {
        LocalizedText(ru: ru, ko: ko, en: en).text(in: language)
    }
}
