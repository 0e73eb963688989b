import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("Coaching recommendations")
struct CoachingTests {
    let analyzer = OfflineAnalyzer()

    /// Whether every recommendation is written in `language`'s script.
    static func written(_ recommendations: [String], in language: String) -> Bool {
        let range: ClosedRange<UInt32> = switch language {
        case "ru": 0x0400...0x04FF
        case "ko": 0xAC00...0xD7A3
        default: 0x41...0x7A
        }
        return recommendations.allSatisfy { text in text.unicodeScalars.prefix(12).contains { range.contains($0.value) } }
    }

    @Test("a good call gets the next-level step for its weakest criterion and what to keep doing, quoted, in its language",
          arguments: [("ru", "Следующий уровень", "Продолжайте"), ("ko", "다음 단계", "계속하세요"), ("en", "Next level", "Keep")])
    func goodCall(language: String, nextLevel: String, keep: String) throws {
        let result = analyzer.analyze(text: RubricScoringTests.good[language]!, mode: .manager)
        #expect(result.criteria.allSatisfy { $0.score >= 60 })
        let first = try #require(result.recommendations.first)
        #expect(first.contains(nextLevel))
        let weakest = try #require(result.criteria.min { ($0.score, $0.key) < ($1.score, $1.key) })
        let praised = result.recommendations.dropFirst()
        #expect((1...2).contains(praised.count))
        #expect(praised.allSatisfy { $0.contains(keep) })
        for praise in praised {
            let quotes = result.criteria.contains { criterion in
                guard let evidence = criterion.evidence, criterion.score >= 70, criterion.key != weakest.key else { return false }
                return praise.contains(evidence.hasSuffix(".") ? String(evidence.dropLast()) : evidence)
            }
            #expect(quotes, "a praise quotes the evidence of a strong criterion: \(praise)")
        }
        #expect(Self.written(result.recommendations, in: language))
    }

    @Test("the demo's best Russian call gets recommendations")
    func bestSample() {
        let result = analyzer.analyze(text: """
            Менеджер: Добрый день! Меня зовут Анна, компания «Связь Плюс». Чем могу помочь?
            Клиент: Здравствуйте. Хочу подключить интернет в офис.
            Менеджер: Расскажите, сколько у вас сотрудников и какие задачи для вас важны?
            Клиент: Двадцать человек, важна стабильность и цена.
            Менеджер: Предлагаем тариф «Бизнес 200»: выделенная линия, поддержка 24/7, стоимость 4 900 рублей в месяц.
            Клиент: Дороговато, у конкурентов дешевле.
            Менеджер: Понимаю. Зато у нас гарантия скорости в договоре и первый месяц бесплатно.
            Клиент: Хорошо, это интересно.
            Менеджер: Отправлю вам договор сегодня на почту и перезвоню в четверг. Договорились?
            Клиент: Да, договорились. Спасибо!
            """, mode: .manager)
        #expect(result.recommendations.count >= 2)
        #expect(result.recommendations.contains { $0.contains("Продолжайте") && $0.contains("«") })
        #expect(Self.written(result.recommendations, in: "ru"))
    }

    @Test("a weak call gets fixes, weakest first, and praise only for what scored well")
    func weakCall() {
        let result = analyzer.analyze(text: RubricScoringTests.bad["en"]!, mode: .manager)
        let weak = result.criteria.filter { $0.score < 60 }.sorted { ($0.score, $0.key) < ($1.score, $1.key) }
        #expect(!weak.isEmpty)
        #expect(result.recommendations.count <= 5)
        #expect(!result.recommendations.contains { $0.contains("Next level") })
        let praised = result.recommendations.filter { $0.hasPrefix("Keep") }
        #expect(praised.count <= result.criteria.filter { $0.score >= 70 && $0.evidence != nil }.count)
    }

    @Test("every analyzed call has recommendations", arguments: CallMode.allCases)
    func always(mode: CallMode) {
        let texts = Array(RubricScoringTests.good.values) + Array(RubricScoringTests.bad.values)
            + RoleInferenceTests.dialogs.map(\.text)
            + ["hi", "Здравствуйте.\nЗдравствуйте.", "Agent: Hello.\nCustomer: Hi.", "상담원: 네.\n고객: 네."]
        for text in texts {
            let result = analyzer.analyze(text: text, mode: mode)
            #expect(!result.recommendations.isEmpty && result.recommendations.count <= 5, "\(mode) \(text)")
            #expect(Self.written(result.recommendations, in: result.language), "\(result.recommendations)")
        }
    }
}
