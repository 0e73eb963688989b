import CallAuditCore
import OfflineAnalyzer
import Testing

@Suite("DialogParser")
struct DialogParserTests {
    @Test("labels in each language give roles", arguments: [
        ("Менеджер: Добрый день!\nКлиент: Здравствуйте.", SpeakerRole.manager, SpeakerRole.customer),
        ("Оператор: Слушаю вас.\nАбонент: У меня вопрос.", .manager, .customer),
        ("Agent: Hello!\nCustomer: Hi.", .manager, .customer),
        ("상담원: 안녕하세요.\n고객: 네, 안녕하세요.", .manager, .customer),
        ("Клиент — Алло.\nМенеджер — Добрый день.", .customer, .manager),
    ])
    func labels(text: String, first: SpeakerRole, second: SpeakerRole) {
        let segments = DialogParser.segments(from: text)
        #expect(segments.map(\.role) == [first, second])
    }

    @Test("several turns on one line are split")
    func oneLine() {
        let segments = DialogParser.segments(from: "Клиент: Привет! Менеджер: Добрый день! Клиент: Сколько стоит?")
        #expect(segments.map(\.role) == [.customer, .manager, .customer])
        #expect(segments.map(\.text) == ["Привет!", "Добрый день!", "Сколько стоит?"])
    }

    @Test("an unlabelled line continues the previous turn")
    func continuation() {
        let segments = DialogParser.segments(from: "Agent: Hello.\nThis is Acme.\nCustomer: Hi.")
        #expect(segments.count == 2)
        #expect(segments[0].text == "Hello. This is Acme.")
    }

    @Test("other labels keep their names with the role unknown: the analysis decides who they are")
    func unknownSpeakers() {
        let named = DialogParser.segments(from: "Speaker 1: Hi, I need a quote.\nSpeaker 2: Hello, my name is Ann from Acme. How can I help?")
        #expect(named.map(\.speaker) == ["Speaker 1", "Speaker 2"])
        #expect(named.map(\.role) == [.unknown, .unknown])
        let half = DialogParser.segments(from: "Менеджер: Добрый день.\nИван: Здравствуйте.")
        #expect(half.map(\.role) == [.manager, .unknown])
    }

    @Test("text without labels is one turn per line, without times and dialog dashes, each of unknown role")
    func noLabels() {
        let one = DialogParser.segments(from: "just some words about a call")
        #expect(one.map(\.text) == ["just some words about a call"])
        #expect(one[0].role == .unknown)
        let lines = DialogParser.segments(from: """
            — Добрый день, компания «Связь».

            - Здравствуйте, у меня вопрос.
            00:12 Слушаю вас.
            [00:00:15.000 --> 00:00:18.500] Спасибо.
            """)
        #expect(lines.map(\.text) == ["Добрый день, компания «Связь».", "Здравствуйте, у меня вопрос.", "Слушаю вас.", "Спасибо."])
        #expect(lines.allSatisfy { $0.role == .unknown && $0.speaker == nil })
    }

    @Test("a colon inside a sentence is not a label")
    func colonsInText() {
        let segments = DialogParser.segments(from: "Agent: The price is: 20 dollars. Note: that includes tax.")
        #expect(segments.count == 1)
    }

    @Test("leading timestamps are skipped and a label alone on its line owns the next lines")
    func timestampsAndLabelLines() {
        let segments = DialogParser.segments(from: """
            [00:00:01] Менеджер: Добрый день!
            00:05 Клиент: Здравствуйте.
            (00:09) Менеджер:
            Чем могу помочь?
            Клиент:
            Хочу узнать цену.
            """)
        #expect(segments.map(\.role) == [.manager, .customer, .manager, .customer])
        #expect(segments.map(\.text) == ["Добрый день!", "Здравствуйте.", "Чем могу помочь?", "Хочу узнать цену."])
    }

    @Test("a role word with a name is that role, and the name is kept")
    func namedRoles() {
        let segments = DialogParser.segments(from: "Менеджер Анна: Добрый день!\nКлиент Иван: Здравствуйте.\nAgent Bob: Hi.")
        #expect(segments.map(\.role) == [.manager, .customer, .manager])
        #expect(segments.map(\.speaker) == ["Менеджер Анна", "Клиент Иван", "Agent Bob"])
    }
}
