/// The words and phrases (Russian, Korean, English) the offline analyzer looks for.
///
/// An entry is a word stem matched as a prefix ("предлага" finds "предлагаем"), an exact word when it ends in "="
/// ("да="), or a phrase whose last word is a stem ("меня зов"). They are matched through ``LexiconTrie``.
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

    static let trie = LexiconTrie(entries)

    static let negations: Set<Word> = Set(["не", "нет", "ни", "not", "no", "never", "don't", "dont", "isn't", "안", "못"]
        .map { $0.unicodeScalars.map(\.value) })

    /// Every marker in a word list, each position reporting each marker once.
    static func markers(in words: [Word]) -> [MarkerHit] {
        var hits: [MarkerHit] = []
        for index in words.indices {
            let negated = index > 0 && negations.contains(words[index - 1])
            var found: Set<Marker> = []
            for marker in trie.markers(in: words, at: index) where found.insert(marker).inserted {
                hits.append(MarkerHit(marker: marker, position: index, negated: negated))
            }
        }
        return hits
    }
}
