/// The words and phrases (Russian, Korean, English) the offline analyzer looks for.
///
/// An entry is a word stem matched as a prefix ("предлага" finds "предлагаем"), an exact word when it ends in "="
/// ("да="), or a phrase whose last word is a stem ("меня зов"). Lookups are hash probes, not scans.
enum Lexicon {
    static let entries: [Marker: [String]] = [
        .greeting: [
            "здравств", "добрый день", "добрый вечер", "доброе утро", "привет", "алло=",
            "hello", "hi=", "good morning", "good afternoon", "good evening", "hey=",
            "안녕하", "여보세요",
        ],
        .introduction: [
            "меня зов", "зовут", "компани", "это компани",
            "my name", "calling from", "speaking=", "this is",
            "저는", "제 이름",
        ],
        .helpOffer: [
            "чем могу", "слушаю", "чем помочь",
            "how can i", "how may i", "what can i do",
            "무엇을 도와", "도와드릴", "도와 드릴",
        ],
        .needs: [
            "важн", "какие задач", "задач", "для чего", "сколько", "бюджет", "расскажите", "что вам нужн", "какой",
            "what matters", "how many", "how much", "tell me", "what do you need", "budget", "your needs", "what are you",
            "어떤", "필요하", "중요하", "용도", "몇",
        ],
        .presentation: [
            "предлага", "тариф", "стоимост", "цена", "рубл", "выгод", "включа", "подключ",
            "we offer", "plan", "price", "costs", "dollar", "per month", "includes", "package", "offer",
            "제안", "요금", "만원", "원이", "포함",
        ],
        .objection: [
            "дорог", "подумаю", "не уверен", "конкурент", "дешевле", "не нужн", "не интерес",
            "expensive", "too much", "not sure", "think about", "cheaper", "competitor", "more than we",
            "비싸", "생각해", "글쎄",
        ],
        .objectionResponse: [
            "понима", "зато", "скидк", "бесплатн", "гаранти", "выгодн",
            "understand", "however", "discount", "free", "save", "saves", "guarantee",
            "대신", "할인", "무료", "보장", "저렴",
        ],
        .nextStep: [
            "отправлю", "пришлю", "перезвоню", "встреч", "договорились", "завтра", "в четверг", "в понедельник",
            "send you", "i'll send", "send the", "schedule", "follow up", "tomorrow", "call you", "demo", "meeting", "on friday",
            "on monday", "send",
            "보내 드리", "보내드리", "연락드리", "연락 드리", "내일", "약속", "예약", "견적서",
        ],
        .agreement: [
            "да=", "договорились", "хорошо", "согласен", "согласна", "отлично", "давайте",
            "yes=", "sounds good", "deal=", "perfect", "okay=", "ok=", "sure=", "that works", "that helps",
            "좋아요", "좋습니다", "네=", "알겠습니다",
        ],
        .politeness: [
            "спасибо", "пожалуйста", "извините", "благодар", "будьте добры",
            "thank", "please", "sorry", "appreciate",
            "감사", "죄송", "부탁", "고맙",
        ],
        .positive: [
            "хорош", "отличн", "прекрасн", "спасибо", "интересн", "удобн", "замечательн", "рад=", "рада=", "нравит",
            "великолепн", "супер", "класс=", "классн", "здорово", "чудесн", "восхитит", "доволен", "довольн", "приятн",
            "полезн", "выгодн", "надежн", "быстро", "вежлив", "благодар", "понравил", "устраива", "подходит", "идеальн",
            "конечно", "отлично", "спасиб", "круто", "рекоменд",
            "great", "good", "excellent", "perfect", "thanks", "thank", "love", "happy", "helpful", "interesting", "nice",
            "wonderful", "amazing", "awesome", "fantastic", "glad", "pleased", "satisfied", "appreciate", "brilliant",
            "useful", "convenient", "reliable", "fast", "easy", "recommend", "enjoy", "impressive", "clear", "smooth",
            "fair", "delighted", "excited", "works=", "lovely",
            "좋", "감사", "만족", "훌륭", "고맙", "편리", "최고", "완벽", "친절", "기쁘", "행복", "추천", "빠르", "편하",
            "괜찮", "마음에 들", "유용", "깔끔", "대박", "멋지", "신뢰", "든든", "감동", "다행", "수월", "저렴",
        ],
        .negative: [
            "плох", "ужасн", "отвратит", "недовол", "ошибк", "проблем", "жалоб", "раздража", "безобраз", "не работает",
            "кошмар", "обман", "хамств", "грубо", "груб", "долго", "медленн", "дорог", "бесполезн", "возмут", "разочар",
            "неудобн", "сломал", "отказ", "зли", "злю", "надоел", "бесит", "мошенн", "позор", "хуже", "худш", "никогда",
            "издевательств", "неприемлем",
            "bad", "terrible", "awful", "horrible", "ridiculous", "angry", "problem", "wrong", "waste", "disappoint",
            "annoying", "worst", "hate", "whatever", "useless", "broken", "rude", "slow", "expensive", "frustrat",
            "upset", "unacceptable", "poor", "complain", "cancel", "scam", "mess", "fail", "worse", "never", "stupid",
            "confus", "sick of", "tired of",
            "불만", "문제", "최악", "화가", "짜증", "실망", "불편", "느리", "비싸", "엉망", "답답", "어이없", "황당", "고장",
            "불친절", "환불", "취소", "싫", "나쁘", "별로", "귀찮", "속상", "불쾌", "지겹", "망했",
        ],
        .interest: [
            "интересн", "хочу", "нужн", "интересует", "подключить",
            "interested", "want", "need", "looking for",
            "관심", "원해", "싶어", "필요",
        ],
        .complaint: [
            "ошибк", "жалоб", "возврат", "перерасч", "лишн",
            "complaint", "refund", "broken", "invoice", "wrong",
            "배송", "환불", "고장",
        ],
    ]

    /// Entry text → markers.
    static let table: [String: [Marker]] = {
        var table: [String: [Marker]] = [:]
        for (marker, words) in entries {
            for word in words { table[word, default: []].append(marker) }
        }
        return table
    }()

    /// First words of phrases, so a phrase is only looked up where one could start.
    static let phraseHeads: Set<String> = Set(table.keys.compactMap { key in
        key.contains(" ") ? String(key.split(separator: " ")[0]) : nil
    })

    static let negations: Set<String> = ["не", "нет", "ни", "not", "no", "never", "don't", "dont", "isn't", "안", "못"]

    /// Every marker in a token list, each position reporting its longest match per marker.
    static func markers(in tokens: [String]) -> [MarkerHit] {
        var hits: [MarkerHit] = []
        for index in tokens.indices {
            let negated = index > 0 && negations.contains(tokens[index - 1])
            var found: Set<Marker> = []
            for marker in lookups(tokens, at: index).flatMap({ table[$0] ?? [] }) where found.insert(marker).inserted {
                hits.append(MarkerHit(marker: marker, position: index, negated: negated))
            }
        }
        return hits
    }

    /// The keys to probe at one position: the word exactly, its prefixes, and phrases starting here.
    static func lookups(_ tokens: [String], at index: Int) -> [String] {
        let word = tokens[index]
        var keys = [word + "="]
        keys += prefixes(of: word)
        if phraseHeads.contains(word) {
            for length in 2...3 where index + length <= tokens.count {
                let head = tokens[index..<index + length - 1].joined(separator: " ")
                keys += prefixes(of: tokens[index + length - 1]).map { head + " " + $0 }
            }
        }
        return keys
    }

    static func prefixes(of word: String) -> [String] {
        guard let first = word.unicodeScalars.first else { return [] }
        let shortest = first.value >= 0xAC00 ? 1 : 2
        var prefixes: [String] = []
        var prefix = String.UnicodeScalarView()
        for scalar in word.unicodeScalars.prefix(12) {
            prefix.append(scalar)
            if prefix.count >= shortest { prefixes.append(String(prefix)) }
        }
        return prefixes
    }
}
