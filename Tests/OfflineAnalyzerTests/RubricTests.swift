import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("Rubric scoring")
struct RubricScoringTests {
    let analyzer = OfflineAnalyzer()

    static let good: [String: String] = [
        "ru": """
            Менеджер: Добрый день! Меня зовут Анна, компания «Связь». Чем могу помочь?
            Клиент: Хочу подключить интернет в офис.
            Менеджер: Сколько у вас сотрудников и что для вас важно?
            Клиент: Двадцать человек, важна цена.
            Менеджер: Предлагаем тариф «Бизнес», стоимость 4900 рублей в месяц.
            Клиент: Дороговато.
            Менеджер: Понимаю. Зато первый месяц бесплатно и гарантия скорости.
            Клиент: Хорошо, интересно.
            Менеджер: Отправлю договор сегодня и перезвоню в четверг. Договорились?
            Клиент: Да, договорились. Спасибо!
            """,
        "en": """
            Agent: Hello, my name is John from Acme. How can I help you today?
            Customer: I'm looking for a backup plan.
            Agent: How much data do you have, and what matters most to you?
            Customer: Five terabytes, and price.
            Agent: We offer the Business plan at 200 dollars per month.
            Customer: That's expensive.
            Agent: I understand. Annual billing saves 20 percent and the first month is free.
            Customer: OK, that helps.
            Agent: I'll send you a quote today and schedule a demo on Friday. Does that work?
            Customer: Yes, thank you!
            """,
        "ko": """
            상담원: 안녕하세요, 저는 한빛통신 김민지입니다. 무엇을 도와드릴까요?
            고객: 인터넷 요금제를 바꾸고 싶어요.
            상담원: 어떤 용도로 사용하세요? 무엇이 중요하세요?
            고객: 속도가 중요해요.
            상담원: 기가 요금제를 제안드립니다. 월 3만원입니다.
            고객: 조금 비싸네요.
            상담원: 대신 약정 할인으로 20% 저렴해집니다. 오늘 견적서를 보내 드리고 내일 연락드릴게요.
            고객: 좋아요, 감사합니다.
            """,
    ]

    static let bad: [String: String] = [
        "ru": "Менеджер: Да.\nКлиент: Сколько стоит?\nМенеджер: Всё на сайте, бля.\nКлиент: Это ужасно. До свидания.",
        "en": "Agent: Yeah.\nCustomer: What does it cost?\nAgent: Check the website, I don't have time for this shit.\nCustomer: Terrible. Bye.",
        "ko": "상담원: 네.\n고객: 가격이 얼마예요?\n상담원: 몰라요, 씨발.\n고객: 최악이네요.",
    ]

    @Test("a good call scores well above a rude, aimless one in every mode and language",
          arguments: ["ru", "en", "ko"], CallMode.allCases)
    func goodBeatsBad(language: String, mode: CallMode) {
        let good = analyzer.analyze(text: Self.good[language]!, mode: mode)
        let bad = analyzer.analyze(text: Self.bad[language]!, mode: mode)
        #expect(good.totalScore >= 70, "good \(language) \(mode): \(good.criteria.map { "\($0.key)=\($0.score)" })")
        #expect(bad.totalScore < 40, "bad \(language) \(mode): \(bad.criteria.map { "\($0.key)=\($0.score)" })")
        #expect(good.language == language)
    }

    @Test("criteria follow the mode's rubric, the total is its weighted mean, and found criteria carry evidence",
          arguments: CallMode.allCases)
    func rubricShape(mode: CallMode) {
        let result = analyzer.analyze(text: Self.good["en"]!, mode: mode)
        let rubric = Rubric.forMode(mode)
        #expect(result.criteria.map(\.key) == rubric.criteria.map(\.key))
        #expect(result.criteria.map(\.weight) == rubric.criteria.map(\.weight))
        #expect(result.totalScore == rubric.total(of: result.criteria))
        #expect(result.criteria.filter { $0.evidence != nil }.count >= rubric.criteria.count / 2)
        #expect(result.providers.map(\.provider) == ["local", "local"])
    }

    @Test("summary and recommendations are in the call's language; a weak call gets fixes, a strong one the next level")
    func summaryAndAdvice() {
        let ru = analyzer.analyze(text: Self.bad["ru"]!, mode: .manager)
        #expect(ru.summary.contains("Следующий шаг не согласован"))
        #expect(!ru.recommendations.isEmpty && ru.recommendations.count <= 5)
        #expect(ru.recommendations.allSatisfy { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        let ko = analyzer.analyze(text: Self.bad["ko"]!, mode: .manager)
        #expect(ko.summary.contains("다음 단계"))
        let strong = analyzer.analyze(text: Self.good["en"]!, mode: .manager)
        #expect(strong.recommendations.first?.hasPrefix("Next level") == true, "a good call: the step beyond its weakest criterion")
        #expect(strong.summary.contains("Next step"))
    }

    @Test("the same input gives the same result")
    func deterministic() {
        let first = analyzer.analyze(text: Self.good["ru"]!, mode: .dialog)
        let second = analyzer.analyze(text: Self.good["ru"]!, mode: .dialog)
        #expect(first == second)
    }
}
