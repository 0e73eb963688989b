import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("Profanity")
struct ProfanityTests {
    let analyzer = OfflineAnalyzer()

    func profanity(_ line: String) -> Profanity {
        analyzer.analyze(text: "Менеджер: Добрый день.\nКлиент: \(line)", mode: .client).profanity
    }

    @Test("plain and obfuscated profanity is found", arguments: [
        "ну бля, опять", "это пиздец", "иди нахуй", "ты мудак", "f u c k this", "what the f*ck", "fuuuck",
        "this is shit", "sh1t happens", "б.л.я", "с*ка", "xуй", "бляdь", "заебал уже", "씨발 진짜", "ㅅㅂ", "병신같네",
        "you asshole", "damn it",
    ])
    func found(line: String) {
        let result = profanity(line)
        #expect(result.found, "\(line)")
        #expect(result.spans.first?.role == .customer)
        #expect(result.spans.first?.segment == 1)
    }

    @Test("ordinary words are not flagged", arguments: [
        "скорлупа", "не надо оскорблять", "сто рублей", "употреблять", "сукно", "an assessment of the class",
        "страхует дом", "хлеб и небо", "시발점에서 출발", "Dickens wrote books", "pass the glass",
    ])
    func notFound(line: String) {
        #expect(!profanity(line).found, "\(line)")
    }

    @Test("the manager's profanity costs politeness and is counted on the manager's side")
    func managerSide() {
        let rude = analyzer.analyze(text: "Manager: Hello, shit, what do you want?\nCustomer: A quote.", mode: .manager)
        let polite = analyzer.analyze(text: "Manager: Hello, thank you for calling. What do you need?\nCustomer: A quote.", mode: .manager)
        #expect(rude.profanity.managerCount == 1)
        #expect(rude.profanity.customerCount == 0)
        let score = { (result: AnalysisResult) in result.criteria.first { $0.key == "politeness" }?.score ?? -1 }
        #expect(score(rude) < score(polite))
        #expect(score(rude) <= 50)
    }
}
