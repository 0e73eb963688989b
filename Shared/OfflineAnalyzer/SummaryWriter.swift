import CallAuditCore

/// Writes an extractive summary and recommendations in the call's language.
struct SummaryWriter {
    let signals: DialogSignals
    let language: String

    func summary(mode: CallMode, total: Int) -> String {
        var sentences: [String] = []
        let request = signals.first(.interest, in: signals.customer) ?? signals.customer.first
        if let request {
            let quote = RubricScorer.quote(request.segment.text)
            sentences.append(localized((ru: "Клиент: «\(quote)».", ko: "고객: «\(quote)».", en: "Customer: “\(quote)”.")))
        }
        if let agreed = signals.agreedNextStep {
            let quote = RubricScorer.quote(agreed.step.segment.text)
            sentences.append(localized((ru: "Следующий шаг: «\(quote)».", ko: "다음 단계: «\(quote)».", en: "Next step: “\(quote)”.")))
        } else {
            sentences.append(localized((ru: "Следующий шаг не согласован.", ko: "다음 단계가 합의되지 않았습니다.",
                                        en: "No next step was agreed.")))
        }
        if signals.objection != nil {
            sentences.append(localized((ru: "Клиент высказал возражение.", ko: "고객이 이의를 제기했습니다.",
                                        en: "The customer raised an objection.")))
        }
        if !signals.profanity.isEmpty {
            sentences.append(localized((ru: "В разговоре есть ненормативная лексика.", ko: "대화에 욕설이 있습니다.",
                                        en: "The call contains profanity.")))
        }
        sentences.append(localized((ru: "Оценка: \(total)/100.", ko: "점수: \(total)/100.", en: "Score: \(total)/100.")))
        return sentences.joined(separator: " ")
    }

    /// Advice for the criteria scored below 60, weakest first, at most five.
    func recommendations(for criteria: [CriterionScore]) -> [String] {
        criteria.filter { $0.score < 60 }
            .sorted { ($0.score, $0.key) < ($1.score, $1.key) }
            .prefix(5)
            .compactMap { advice[$0.key].map(localized) }
    }

    func localized(_ texts: (ru: String, ko: String, en: String)) -> String {
        switch language {
        case "ru": texts.ru
        case "ko": texts.ko
        default: texts.en
        }
    }

    let advice: [String: (ru: String, ko: String, en: String)] = [
        "rapport": ("Поздоровайтесь, представьтесь и назовите компанию в начале звонка.",
                    "통화 시작 시 인사하고 본인과 회사를 소개하세요.",
                    "Open with a greeting and introduce yourself and your company."),
        "needs_discovery": ("Выясните потребности клиента: спросите о задачах, объёмах и что для него важно.",
                            "고객의 필요를 파악하세요: 용도와 중요한 점을 물어보세요.",
                            "Discover the customer's needs: ask about their goals and what matters to them."),
        "questions": ("Задавайте больше открытых вопросов, чтобы клиент говорил о себе.",
                      "고객이 더 많이 말하도록 열린 질문을 하세요.",
                      "Ask more open questions so the customer talks about their situation."),
        "presentation": ("Представьте предложение через выгоды для клиента: что он получит и сколько это стоит.",
                         "고객이 얻는 이점과 가격을 중심으로 제안을 설명하세요.",
                         "Present the offer in terms of the customer's benefits, with a clear price."),
        "objection_handling": ("Отработайте возражение: признайте его и ответьте аргументом, скидкой или гарантией.",
                               "이의에 공감하고 할인, 보장 등 근거로 답하세요.",
                               "Acknowledge objections and answer them with a concrete argument, discount or guarantee."),
        "next_step": ("Завершайте звонок конкретным следующим шагом: дата встречи, отправка договора, перезвон.",
                      "구체적인 다음 단계(일정, 견적서 발송, 재연락)로 통화를 마무리하세요.",
                      "Close with a concrete next step: a meeting date, a quote to send, a follow-up call."),
        "politeness": ("Будьте вежливы: благодарите клиента и не используйте ненормативную лексику.",
                       "정중하게 감사를 표하고 욕설을 사용하지 마세요.",
                       "Stay polite: thank the customer and never use profanity."),
        "engagement": ("Вовлекайте клиента: задавайте вопросы и давайте ему высказаться.",
                       "질문으로 고객의 참여를 이끌어 내세요.",
                       "Engage the customer: ask questions and let them speak."),
        "interest": ("Свяжите предложение с интересами клиента, чтобы вызвать интерес.",
                     "고객의 관심사와 제안을 연결하세요.",
                     "Tie the offer to the customer's interests to spark interest."),
        "objections_resolved": ("Убедитесь, что сомнения клиента сняты: переспросите, остались ли вопросы.",
                                "고객의 의문이 해소되었는지 확인하세요.",
                                "Check that the customer's doubts are resolved before moving on."),
        "sentiment": ("Снизьте напряжение: проявите эмпатию и предложите решение проблемы.",
                      "공감을 표하고 해결책을 제시해 분위기를 개선하세요.",
                      "Ease the tension: show empathy and offer a solution."),
        "commitment": ("Получите от клиента явное согласие на следующий шаг.",
                       "다음 단계에 대한 고객의 명확한 동의를 받으세요.",
                       "Get the customer's explicit agreement to a next step."),
        "balance": ("Соблюдайте баланс: говорите меньше и больше слушайте клиента.",
                    "말하기와 듣기의 균형을 맞추세요.",
                    "Balance the conversation: talk less and listen more."),
    ]
}
