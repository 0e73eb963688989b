import CallAuditCore
import Foundation
import OfflineAnalyzer
import Testing

@Suite("Role inference without labels")
struct RoleInferenceTests {
    let analyzer = OfflineAnalyzer()

    /// An unlabelled dialog (one turn per line) and the role of every turn: M manager, C customer.
    struct Dialog: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let roles: String

        var testDescription: String { name }

        var expected: [SpeakerRole] { roles.map { $0 == "M" ? .manager : .customer } }
    }

    static let dialogs: [Dialog] = [
        Dialog(name: "ru, greeting first", text: """
            Добрый день, компания «Связь Плюс», меня зовут Анна. Чем могу помочь?
            Здравствуйте, у меня не работает интернет со вчерашнего дня.
            Назовите, пожалуйста, номер договора.
            Номер 45-12-873.
            Спасибо. Сейчас проверю линию. Вижу аварию на вашей улице, к вечеру всё восстановим.
            Понятно, спасибо.
            Приносим извинения за неудобства. Могу ещё чем-то помочь?
            Нет, всё, до свидания.
            """, roles: "MCMCMCMC"),
        Dialog(name: "ru, customer first", text: """
            Алло, здравствуйте, я по поводу заказа, он так и не пришёл.
            Добрый день! Интернет-магазин «Техносфера», Ольга. Назовите номер заказа, пожалуйста.
            Заказ 5531, оформлял неделю назад.
            Спасибо, одну минуту. Вижу, посылка задержалась на складе, доставим завтра до обеда.
            А можно доставить вечером? Я днём на работе.
            Да, оформлю доставку на вечер, курьер позвонит за час.
            Отлично, спасибо!
            """, roles: "CMCMCMC"),
        Dialog(name: "ru, a manager who never introduces themselves", text: """
            Слушаю вас.
            Здравствуйте. У меня проблема: деньги списали два раза за одну покупку.
            Продиктуйте последние четыре цифры карты.
            Семь, два, ноль, девять.
            Вижу двойное списание. Деньги вернутся в течение трёх дней, пришлю подтверждение на почту.
            Хорошо, спасибо.
            """, roles: "MCMCMC"),
        Dialog(name: "ru, three turns", text: """
            Здравствуйте, у меня не открывается личный кабинет.
            Добрый день! Это из-за обновления, сейчас проверю и пришлю новый пароль на почту.
            Спасибо, жду.
            """, roles: "CMC"),
        Dialog(name: "ru, a long call", text: """
            Доброе утро! Компания «Окна Мастер», меня зовут Борис. Чем могу помочь?
            Здравствуйте. Хочу поставить окна на даче.
            Сколько окон и какие размеры?
            Три окна, примерно метр на полтора.
            Какой профиль вас интересует: тёплый или обычный?
            Тёплый, зимой мы там бываем.
            Тёплый профиль с установкой — сорок пять тысяч рублей за три окна.
            Дорого. У конкурентов дешевле.
            Понимаю. Зато гарантия пять лет и замер бесплатно.
            А сколько ждать установку?
            Две недели после замера. Могу предложить замер в субботу.
            В субботу подойдёт, после обеда.
            Записываю на субботу, пятнадцать часов. Пришлю смс с адресом мастера.
            Хорошо, договорились.
            Спасибо за обращение, хорошего дня!
            И вам, до свидания.
            """, roles: "MCMCMCMCMCMCMCMC"),
        Dialog(name: "ko, greeting first", text: """
            안녕하세요, 한빛통신 상담원 김민지입니다. 무엇을 도와드릴까요?
            인터넷이 어제부터 안 돼요.
            불편을 드려 죄송합니다. 고객님 성함과 연락처를 알려주시겠어요?
            김철수이고 010-1234-5678이에요.
            확인해 보니 지역 장애가 있었습니다. 오늘 저녁까지 복구될 예정입니다.
            알겠습니다, 감사합니다.
            """, roles: "MCMCMC"),
        Dialog(name: "ko, customer first", text: """
            여보세요, 주문한 청소기가 아직 안 왔어요.
            안녕하세요, 고객님. 주문 번호를 알려주시겠어요?
            12345번이에요.
            확인해 보니 택배사에서 지연되고 있습니다. 내일 도착 예정입니다.
            네, 알겠습니다.
            """, roles: "CMCMC"),
        Dialog(name: "ko, a manager who never introduces themselves", text: """
            네, 말씀하세요.
            요금제를 바꾸고 싶은데요.
            어떤 용도로 주로 사용하세요?
            영상 회의를 많이 해요.
            그러면 기가 요금제를 추천해 드립니다. 월 3만 원이고 첫 달은 무료입니다.
            좋네요, 그걸로 할게요.
            변경해 드리겠습니다. 내일부터 적용됩니다.
            """, roles: "MCMCMCM"),
        Dialog(name: "ko, three turns", text: """
            배송이 아직 안 왔어요.
            불편을 드려 죄송합니다. 확인해 보니 내일 도착 예정입니다.
            감사합니다.
            """, roles: "CMC"),
        Dialog(name: "ko, a long call", text: """
            안녕하세요, 저는 한빛통신 김민지입니다. 무엇을 도와드릴까요?
            인터넷 요금제를 바꾸고 싶어요.
            현재 어떤 용도로 주로 사용하세요?
            재택근무라서 화상 회의를 많이 해요.
            그러면 속도가 중요하시겠네요. 가족은 몇 분이세요?
            세 명이에요.
            기가 요금제를 제안드립니다. 월 3만 3천 원입니다.
            조금 비싸네요.
            대신 약정 할인으로 20% 저렴해집니다.
            그럼 얼마예요?
            월 2만 6천 원입니다. 오늘 신청하시면 설치 기사님을 예약해 드릴게요.
            좋아요, 신청할게요.
            신청 도와드리겠습니다. 내일 문자로 일정을 보내 드리겠습니다.
            감사합니다.
            """, roles: "MCMCMCMCMCMCMC"),
        Dialog(name: "en, greeting first", text: """
            Thank you for calling Acme Internet, this is Sarah. How can I help you?
            Hi, my internet has been down since this morning.
            I'm sorry to hear that. Can I have your account number, please?
            Sure, it's 4471902.
            Thank you. Let me check. I can see an outage in your area; it should be fixed by 6 pm.
            OK, thanks for letting me know.
            Is there anything else I can help you with?
            No, that's all. Bye.
            """, roles: "MCMCMCMC"),
        Dialog(name: "en, customer first", text: """
            Hello, I'm calling about my order, it never arrived.
            Hi, thanks for calling Bright Shop. Can I get your order number?
            It's 88213.
            One moment, please. I see the package is stuck at the depot; we'll ship it again today.
            Can you send it express?
            Yes, I'll upgrade it to express at no charge.
            Great, thank you!
            """, roles: "CMCMCMC"),
        Dialog(name: "en, a manager who never introduces themselves", text: """
            Customer support, how may I help?
            I want to cancel my subscription.
            What's the email on your account?
            It's jane@example.com.
            Thanks. I can offer you two months free if you stay.
            No thanks, please cancel it.
            Done. You'll get a confirmation email in a few minutes.
            """, roles: "MCMCMCM"),
        Dialog(name: "en, three turns", text: """
            Hi, my card was charged twice for one order.
            Sorry about that, let me check. Yes, I see the duplicate and will refund it today.
            Thank you.
            """, roles: "CMC"),
        Dialog(name: "en, a long call", text: """
            Good morning, Acme Cloud, my name is John. How can I help you today?
            Hi, we're looking for a backup solution for our office.
            Sure. How many people work there, and how much data do you have?
            About twenty people and five terabytes.
            What matters most to you: price or speed of recovery?
            Mostly price, to be honest.
            We offer the Business plan: encrypted backups for 200 dollars per month.
            That's more expensive than we expected.
            I understand. Annual billing saves 20 percent, and the first month is free.
            How much would that be per year?
            About 1,900 dollars a year.
            OK, that sounds reasonable.
            I'll send you a quote today and schedule a demo on Friday. Does that work?
            Yes, Friday works.
            Great. Thank you for calling Acme, have a nice day!
            You too, bye.
            """, roles: "MCMCMCMCMCMCMCMC"),
    ]

    @Test("every turn of an unlabelled dialog gets its role", arguments: dialogs)
    func roles(dialog: Dialog) throws {
        let result = analyzer.analyze(text: dialog.text, mode: .manager)
        #expect(result.segments.map(\.role) == dialog.expected)
        #expect(result.segments.allSatisfy { $0.speaker == nil })
        let roles = try #require(result.roles)
        #expect(roles.source == .inferred)
        #expect((roles.confidence ?? 0) >= 0.5)
    }

    @Test("confident roles give the talk ratio and the manager's questions", arguments: [0, 5, 10])
    func measures(index: Int) {
        let result = analyzer.analyze(text: Self.dialogs[index].text, mode: .manager)
        #expect(result.metrics.managerQuestions >= 1)
        #expect(result.metrics.managerWords > 0 && result.metrics.customerWords > 0)
        #expect(result.metrics.talkRatioManager > 0 && result.metrics.talkRatioManager < 1)
        #expect(result.metrics.turns == result.segments.count)
    }

    @Test("a complaining customer's sentiment is their own, not the manager's")
    func sentimentPerRole() {
        let result = analyzer.analyze(text: """
            Good afternoon, Acme Bank, my name is Tom. How can I help?
            This is terrible, my card doesn't work again and nobody helps, awful service.
            I'm sorry about that. Let me check your account right away.
            """, mode: .client)
        #expect(result.segments.map(\.role) == [.manager, .customer, .manager])
        #expect(result.sentiment.customer.label == .negative)
        #expect(result.sentiment.manager.score > result.sentiment.customer.score)
    }

    @Test("nothing telling who is who leaves every turn unknown with a low confidence", arguments: [
        "Здравствуйте.\nЗдравствуйте.\nДа.\nХорошо.",
        "네.\n네.\n알겠습니다.\n감사합니다.",
        "Hello, this is Anna from Acme.\nHello, this is Bob from Globex.\nNice to meet you.\nLikewise.",
        "Я хочу узнать цену.\nЯ хочу узнать цену.",
        "Just one line about a call, with nobody else.",
    ])
    func ambiguous(text: String) throws {
        let result = analyzer.analyze(text: text, mode: .manager)
        #expect(result.segments.allSatisfy { $0.role == .unknown })
        let roles = try #require(result.roles)
        #expect(roles.source == .unknown)
        #expect((roles.confidence ?? 1) < 0.5)
        #expect(result.metrics.managerQuestions == 0 && result.metrics.talkRatioManager == 0)
    }

    @Test("labels win over what is said, and say so with full confidence")
    func labelsWin() {
        let result = analyzer.analyze(text: "Клиент: Добрый день, компания «Связь», чем могу помочь?\nМенеджер: У меня не работает интернет.",
                                      mode: .manager)
        #expect(result.segments.map(\.role) == [.customer, .manager])
        #expect(result.roles == RoleAssignment(source: .labels, confidence: 1))
    }

    @Test("named speakers keep one role each, from what they say or from the labelled side")
    func speakers() {
        let named = analyzer.analyze(text: "Speaker 1: Hi, I need a quote.\nSpeaker 2: Hello, my name is Ann from Acme. How can I help?\nSpeaker 1: For ten seats.",
                                     mode: .manager)
        #expect(named.segments.map(\.role) == [.customer, .manager, .customer])
        #expect(named.roles?.source == .speakers)
        let silent = analyzer.analyze(text: "Иван: Да.\nПётр: Нет.", mode: .manager)
        #expect(silent.segments.map(\.role) == [.unknown, .unknown], "nothing shows who is who, so no guess")
        #expect(silent.roles?.source == .unknown)
        let half = analyzer.analyze(text: "Менеджер: Добрый день.\nИван: Здравствуйте.", mode: .manager)
        #expect(half.segments.map(\.role) == [.manager, .customer])
        #expect(half.roles == RoleAssignment(source: .labels, confidence: 1))
    }

    @Test("stereo channels and diarized speakers are never split per turn")
    func channels() {
        let segments = [
            Segment(role: .unknown, speaker: "channel 1", text: "Здравствуйте, у меня не приходит заказ.", start: 0, end: 3),
            Segment(role: .unknown, speaker: "channel 2", text: "Добрый день! Назовите номер заказа, пожалуйста.", start: 3.5, end: 6),
            Segment(role: .unknown, speaker: "channel 2", text: "Сейчас проверю.", start: 6, end: 8),
            Segment(role: .unknown, speaker: "channel 1", text: "Номер 5531.", start: 8.5, end: 10),
        ]
        let result = analyzer.analyze(segments: segments, mode: .manager)
        #expect(result.segments.map(\.role) == [.customer, .manager, .manager, .customer])
        #expect(result.roles?.source == .speakers)
    }

    @Test("a transcription's timed segments without speakers are turns too")
    func timedSegments() {
        let texts = Self.dialogs[12].text.split(separator: "\n").map(String.init)
        let segments = texts.enumerated().map { index, text in
            Segment(role: .unknown, text: text, start: Double(index) * 4, end: Double(index) * 4 + 3.5)
        }
        let result = analyzer.analyze(segments: segments, mode: .manager)
        #expect(result.segments.map(\.role) == Self.dialogs[12].expected)
        #expect(result.metrics.durationSeconds != nil && result.metrics.talkRatioManager > 0)
    }

    struct Sample: Decodable {
        let dialog_text: String
    }

    @Test("the demo's calls without their labels get their labelled roles back, or stay unknown — never a wrong role")
    func samplesWithoutLabels() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/calls.jsonl")
        var resolved = 0
        for line in try String(contentsOf: samples, encoding: .utf8).split(separator: "\n") {
            let labelled = DialogParser.segments(from: try JSONDecoder().decode(Sample.self, from: Data(line.utf8)).dialog_text)
            let unlabelled = analyzer.analyze(text: labelled.map(\.text).joined(separator: "\n"), mode: .manager)
            let inferred = unlabelled.segments.map(\.role)
            #expect(inferred.count == labelled.count)
            #expect(zip(inferred, labelled).allSatisfy { $0 == .unknown || $0 == $1.role }, "\(labelled.map(\.text))")
            if inferred == labelled.map(\.role) { resolved += 1 }
        }
        #expect(resolved >= 8)
    }

    @Test("inference is deterministic")
    func deterministic() {
        for dialog in Self.dialogs {
            #expect(analyzer.analyze(text: dialog.text, mode: .dialog) == analyzer.analyze(text: dialog.text, mode: .dialog))
        }
    }
}
