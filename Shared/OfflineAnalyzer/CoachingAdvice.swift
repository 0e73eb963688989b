/// What a team lead tells a manager about each rubric criterion, in Russian, Korean and English: the fix for a weak
/// criterion, the next-level step for one that is already sound, and what a strong one is worth keeping.
enum CoachingAdvice {
    /// How to fix a criterion scored low.
    static let fix: [String: LocalizedText] = [
        "rapport": LocalizedText(
            ru: "Поздоровайтесь, представьтесь и назовите компанию в начале звонка.",
            ko: "통화 시작 시 인사하고 본인과 회사를 소개하세요.",
            en: "Open with a greeting and introduce yourself and your company."),
        "needs_discovery": LocalizedText(
            ru: "Выясните потребности клиента: спросите о задачах, объёмах и что для него важно.",
            ko: "고객의 필요를 파악하세요: 용도와 중요한 점을 물어보세요.",
            en: "Discover the customer's needs: ask about their goals and what matters to them."),
        "questions": LocalizedText(
            ru: "Задавайте больше открытых вопросов, чтобы клиент говорил о себе.",
            ko: "고객이 더 많이 말하도록 열린 질문을 하세요.",
            en: "Ask more open questions so the customer talks about their situation."),
        "presentation": LocalizedText(
            ru: "Представьте предложение через выгоды для клиента: что он получит и сколько это стоит.",
            ko: "고객이 얻는 이점과 가격을 중심으로 제안을 설명하세요.",
            en: "Present the offer in terms of the customer's benefits, with a clear price."),
        "objection_handling": LocalizedText(
            ru: "Отработайте возражение: признайте его и ответьте аргументом, скидкой или гарантией.",
            ko: "이의에 공감하고 할인, 보장 등 근거로 답하세요.",
            en: "Acknowledge objections and answer them with a concrete argument, discount or guarantee."),
        "next_step": LocalizedText(
            ru: "Завершайте звонок конкретным следующим шагом: дата встречи, отправка договора, перезвон.",
            ko: "구체적인 다음 단계(일정, 견적서 발송, 재연락)로 통화를 마무리하세요.",
            en: "Close with a concrete next step: a meeting date, a quote to send, a follow-up call."),
        "politeness": LocalizedText(
            ru: "Будьте вежливы: благодарите клиента и не используйте ненормативную лексику.",
            ko: "정중하게 감사를 표하고 욕설을 사용하지 마세요.",
            en: "Stay polite: thank the customer and never use profanity."),
        "engagement": LocalizedText(
            ru: "Вовлекайте клиента: задавайте вопросы и давайте ему высказаться.",
            ko: "질문으로 고객의 참여를 이끌어 내세요.",
            en: "Engage the customer: ask questions and let them speak."),
        "interest": LocalizedText(
            ru: "Свяжите предложение с интересами клиента, чтобы вызвать интерес.",
            ko: "고객의 관심사와 제안을 연결하세요.",
            en: "Tie the offer to the customer's interests to spark interest."),
        "objections_resolved": LocalizedText(
            ru: "Убедитесь, что сомнения клиента сняты: переспросите, остались ли вопросы.",
            ko: "고객의 의문이 해소되었는지 확인하세요.",
            en: "Check that the customer's doubts are resolved before moving on."),
        "sentiment": LocalizedText(
            ru: "Снизьте напряжение: проявите эмпатию и предложите решение проблемы.",
            ko: "공감을 표하고 해결책을 제시해 분위기를 개선하세요.",
            en: "Ease the tension: show empathy and offer a solution."),
        "commitment": LocalizedText(
            ru: "Получите от клиента явное согласие на следующий шаг.",
            ko: "다음 단계에 대한 고객의 명확한 동의를 받으세요.",
            en: "Get the customer's explicit agreement to a next step."),
        "balance": LocalizedText(
            ru: "Соблюдайте баланс: говорите меньше и больше слушайте клиента.",
            ko: "말하기와 듣기의 균형을 맞추세요.",
            en: "Balance the conversation: talk less and listen more."),
    ]

    /// The step beyond a criterion that is already sound: for the weakest one of a good call.
    static let nextLevel: [String: LocalizedText] = [
        "rapport": LocalizedText(
            ru: "Следующий уровень приветствия: обратитесь к клиенту по имени и одной фразой скажите, чем поможет этот звонок.",
            ko: "인사의 다음 단계: 고객의 이름을 부르고 이번 통화로 무엇을 도울지 한 문장으로 말하세요.",
            en: "Next level for the opening: use the customer's name and say in one sentence what this call will do for them."),
        "needs_discovery": LocalizedText(
            ru: "Следующий уровень выявления потребностей: спросите, что будет, если задачу не решить, и кто ещё принимает решение.",
            ko: "니즈 파악의 다음 단계: 문제가 해결되지 않으면 어떻게 되는지, 누가 함께 결정하는지 물어보세요.",
            en: "Next level for discovery: ask what happens if the problem stays unsolved and who else decides."),
        "questions": LocalizedText(
            ru: "Следующий уровень вопросов: на каждый ответ клиента задайте уточняющий вопрос «почему это важно?».",
            ko: "질문의 다음 단계: 고객의 답변마다 '왜 그것이 중요한가요?'라는 후속 질문을 하세요.",
            en: "Next level for questions: follow each answer with one 'why does that matter?' question."),
        "presentation": LocalizedText(
            ru: "Следующий уровень презентации: свяжите каждую выгоду с тем, что клиент сказал о своих задачах.",
            ko: "제안 설명의 다음 단계: 각 이점을 고객이 말한 필요와 연결하세요.",
            en: "Next level for the pitch: tie each benefit to something the customer said about their needs."),
        "objection_handling": LocalizedText(
            ru: "Следующий уровень работы с возражениями: после ответа уточните, снято ли сомнение.",
            ko: "이의 처리의 다음 단계: 답한 뒤 의문이 해소되었는지 확인하세요.",
            en: "Next level for objections: after answering, check that the doubt is really gone."),
        "next_step": LocalizedText(
            ru: "Следующий уровень завершения: назовите дату и время следующего шага и подтвердите их письмом.",
            ko: "마무리의 다음 단계: 다음 단계의 날짜와 시간을 정하고 서면으로 확인하세요.",
            en: "Next level for the close: name a date and time for the next step and confirm it in writing."),
        "politeness": LocalizedText(
            ru: "Следующий уровень вежливости: в конце поблагодарите клиента за время и подведите итог договорённостей.",
            ko: "예의의 다음 단계: 통화 끝에 시간을 내 주셔서 감사하다고 말하고 합의 내용을 요약하세요.",
            en: "Next level for courtesy: thank the customer for their time at the end and sum up what was agreed."),
        "engagement": LocalizedText(
            ru: "Следующий уровень вовлечения: задавайте вопросы, на которые нельзя ответить «да» или «нет».",
            ko: "참여 유도의 다음 단계: 예/아니요로 답할 수 없는 질문을 하세요.",
            en: "Next level for engagement: ask questions that cannot be answered with yes or no."),
        "interest": LocalizedText(
            ru: "Следующий уровень: приведите пример клиента с похожей задачей и его результат.",
            ko: "관심 유도의 다음 단계: 비슷한 필요를 가진 고객의 사례와 결과를 들려주세요.",
            en: "Next level for interest: give an example of a customer with a similar need and what they got."),
        "objections_resolved": LocalizedText(
            ru: "Следующий уровень: прежде чем перейти к следующему шагу, спросите, остались ли у клиента вопросы.",
            ko: "의문 해소의 다음 단계: 다음 단계로 넘어가기 전에 남은 질문이 있는지 물어보세요.",
            en: "Next level for doubts: ask whether any questions remain before moving to the next step."),
        "sentiment": LocalizedText(
            ru: "Следующий уровень: называйте чувства клиента («понимаю, как это неприятно»), чтобы тон оставался тёплым.",
            ko: "분위기의 다음 단계: 고객의 감정을 말로 표현해('얼마나 답답하셨을지 이해합니다') 따뜻한 분위기를 유지하세요.",
            en: "Next level for tone: name the customer's feelings ('I see how frustrating that is') to keep the tone warm."),
        "commitment": LocalizedText(
            ru: "Следующий уровень: попросите клиента своими словами подтвердить следующий шаг и срок.",
            ko: "동의의 다음 단계: 고객이 직접 다음 단계와 일정을 확인하도록 요청하세요.",
            en: "Next level for commitment: ask the customer to confirm the next step and its date in their own words."),
        "balance": LocalizedText(
            ru: "Следующий уровень баланса: после вопроса выдержите паузу и дайте клиенту договорить.",
            ko: "대화 균형의 다음 단계: 질문한 뒤에는 잠시 기다려 고객이 끝까지 말하게 하세요.",
            en: "Next level for balance: after a question, pause and let the customer finish."),
    ]

    /// What a strong criterion shows, to keep doing; the writer adds its evidence. `balance` has no quote to show.
    static let keep: [String: LocalizedText] = [
        "rapport": LocalizedText(
            ru: "здороваться, представляться и называть компанию", ko: "인사와 본인·회사 소개를",
            en: "greeting the customer and introducing yourself and the company"),
        "needs_discovery": LocalizedText(
            ru: "выяснять задачи и потребности клиента", ko: "고객의 필요를 파악하는 질문을",
            en: "asking about the customer's goals and needs"),
        "questions": LocalizedText(
            ru: "задавать вопросы, которые разговорят клиента", ko: "고객이 말하게 하는 질문을",
            en: "asking questions that get the customer talking"),
        "presentation": LocalizedText(
            ru: "представлять предложение с ценой и выгодами", ko: "가격과 이점을 담은 제안 설명을",
            en: "presenting the offer with its price and benefits"),
        "objection_handling": LocalizedText(
            ru: "отвечать на возражения конкретным аргументом", ko: "구체적인 근거로 이의에 답하는 것을",
            en: "answering objections with a concrete argument"),
        "next_step": LocalizedText(
            ru: "договариваться о конкретном следующем шаге", ko: "구체적인 다음 단계로 마무리하는 것을",
            en: "closing on a concrete next step"),
        "politeness": LocalizedText(
            ru: "говорить вежливо и благодарить клиента", ko: "정중한 말투와 감사 표현을",
            en: "being polite and thanking the customer"),
        "engagement": LocalizedText(
            ru: "вовлекать клиента в разговор", ko: "고객을 대화에 참여시키는 것을",
            en: "drawing the customer into the conversation"),
        "interest": LocalizedText(
            ru: "связывать предложение с интересами клиента", ko: "제안을 고객의 관심사와 연결하는 것을",
            en: "tying the offer to what interests the customer"),
        "objections_resolved": LocalizedText(
            ru: "доводить сомнения клиента до решения", ko: "고객의 의문을 해소하는 것을",
            en: "resolving the customer's doubts"),
        "sentiment": LocalizedText(
            ru: "поддерживать доброжелательный тон", ko: "긍정적인 분위기를 유지하는 것을",
            en: "keeping the tone friendly"),
        "commitment": LocalizedText(
            ru: "получать от клиента согласие на следующий шаг", ko: "다음 단계에 대한 고객의 동의를 받는 것을",
            en: "getting the customer's agreement to a next step"),
    ]
}
