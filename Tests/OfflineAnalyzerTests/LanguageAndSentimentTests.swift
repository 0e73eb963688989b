import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("Language and sentiment")
struct LanguageAndSentimentTests {
    let analyzer = OfflineAnalyzer()

    @Test("language by script", arguments: [
        ("Добрый день, чем могу помочь?", "ru"), ("안녕하세요, 무엇을 도와드릴까요?", "ko"), ("Hello, how can I help?", "en"),
        ("Клиент: ok, спасибо большое", "ru"),
    ])
    func language(text: String, expected: String) {
        #expect(LanguageDetector.detect(text) == expected)
    }

    @Test("a language hint wins when it is supported")
    func hint() {
        #expect(analyzer.analyze(text: "Agent: hello", mode: .manager, languageHint: "ru").language == "ru")
        #expect(analyzer.analyze(text: "Agent: hello", mode: .manager, languageHint: "de").language == "en")
    }

    @Test("positive and negative customers in each language", arguments: [
        ("Менеджер: Здравствуйте.\nКлиент: Отлично, спасибо, очень удобно!", "Менеджер: Здравствуйте.\nКлиент: Ужасно, это отвратительный сервис, одни проблемы."),
        ("Agent: Hello.\nCustomer: Great, thank you, that's very helpful!", "Agent: Hello.\nCustomer: This is terrible, awful service, total waste."),
        ("상담원: 안녕하세요.\n고객: 좋아요, 감사합니다, 만족해요!", "상담원: 안녕하세요.\n고객: 최악이에요, 정말 짜증나고 실망했어요."),
    ])
    func sentiment(positive: String, negative: String) {
        let good = analyzer.analyze(text: positive, mode: .client)
        let bad = analyzer.analyze(text: negative, mode: .client)
        #expect(good.sentiment.customer.label == .positive)
        #expect(bad.sentiment.customer.label == .negative)
        #expect(bad.sentiment.overall.score < good.sentiment.overall.score)
    }

    @Test("negation flips a word's polarity")
    func negation() {
        let result = analyzer.analyze(text: "Agent: Hi.\nCustomer: Not good, not helpful.", mode: .client)
        #expect(result.sentiment.customer.label == .negative)
        let russian = analyzer.analyze(text: "Менеджер: Добрый день.\nКлиент: Не хорошо, не удобно.", mode: .client)
        #expect(russian.sentiment.customer.score < 0)
    }
}
