/// The words and phrases (Russian, Korean, English) the offline analyzer looks for.
///
/// An entry is a word stem matched as a prefix ("предлага" finds "предлагаем"), an exact word when it ends in "="
/// ("да="), or a phrase of up to three words whose last word is a stem ("меня зов"). They are matched through
/// ``LexiconTrie``.
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
            "좋", "감사", "만족", "훌륭", "고맙", "편리", "최고", "완벽", "친절", "기쁘", "행복", "추천", "빠르",
            "편하", "괜찮", "마음에 들", "유용", "깔끔", "대박", "멋지", "신뢰", "든든", "감동", "다행", "수월", "저렴",
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
            "불만", "문제", "최악", "화가", "짜증", "실망", "불편", "느리", "비싸", "엉망", "답답", "어이없", "황당",
            "고장", "불친절", "환불", "취소", "싫", "나쁘", "별로", "귀찮", "속상", "불쾌", "지겹", "망했",
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
        .service: [
            "назовите", "продиктуйте", "подскажите ваш", "подскажите номер", "подскажите пожалуйста ваш", "ваш номер",
            "номер вашего", "ваше имя", "ваши данные", "вашу фамил", "как к вам", "как вас зовут", "сейчас провер",
            "сейчас посмотр", "проверю", "минутку", "одну минуту", "оставайтесь на линии", "ожидайте",
            "спасибо за ожидан", "спасибо за обращен", "спасибо за звонок", "благодарю за ожидан",
            "благодарю за обращен", "оформлю", "оформим", "могу предложить", "можем предложить", "мы сделаем",
            "мы отправим", "мы вернем", "приносим извинен", "приношу извинен", "извините за неудобств", "доставим",
            "исправим",
            "your order", "your account", "your name", "your phone", "your email", "your address", "your number",
            "i have your", "i get your", "let me check", "let me see", "let me look", "let me pull", "i'll check",
            "one moment", "just a moment", "please hold", "bear with me", "you for calling", "thanks for calling",
            "you for holding", "thanks for holding", "for your patience", "you for waiting", "sorry about that",
            "for the inconvenience", "apologize for", "i can offer", "we can offer", "i'll fix", "will fix",
            "i can add", "would you like", "anything else", "welcome to",
            "고객님", "저희", "상담원", "상담사", "알려주시", "알려 주시", "말씀해 주시", "말씀해주시", "성함",
            "확인해 드리", "확인해드리", "확인해 보니", "확인해보니", "확인 결과", "기다려 주셔서", "불편을 드려",
            "불편을 드리", "안내해 드리", "안내해드리", "도와드리", "도와 드리", "처리해 드리", "처리해드리",
            "접수해 드리", "접수해드리", "변경해 드리", "변경해드리", "드릴게", "드리겠", "추천해 드리", "추천해드리",
            "말씀하세요", "전화 주셔서", "문의 주셔서", "이용해 주셔서", "연락 주셔서",
        ],
        .request: [
            "у меня проблем", "у меня вопрос", "у меня не", "у нас проблем", "не работает", "не работают", "перестал",
            "не могу", "не получается", "не приходит", "не пришл", "не пришел", "не включается", "не открывается",
            "сломал", "я хочу", "хочу", "хотел", "хотела", "хотелось бы", "хотим", "мне нужн", "нам нужн", "нужны",
            "нужен", "меня интересует", "нас интересует", "я по поводу", "мой заказ", "моя заявк", "мою заявк",
            "мой номер", "мою карт", "мне выставили", "мне пришл", "мне сказали", "мне обещали", "я заказал",
            "я заказывал", "я купил", "я оплатил", "я оставлял", "можно ли", "сколько стоит", "сколько будет стоить",
            "верните", "помогите",
            "have a problem", "have a question", "have an issue", "got a problem", "problem with my", "issue with my",
            "doesn't work", "does not work", "isn't working", "is not working", "not working", "stopped working",
            "i can't", "i cannot", "my order", "my account", "my invoice", "my bill", "my card", "my package",
            "my internet", "my phone", "my payment", "my subscription", "my money", "my refund", "i'd like",
            "i would like", "i want", "i need", "we need", "we want", "we're looking", "we are looking", "i'm looking",
            "i am looking", "i was charged", "i ordered", "i bought", "i paid", "i called", "i've called",
            "i was wondering", "how much does", "how much is", "how much would", "does it cost", "is this the",
            "can you help", "could you help", "i get a",
            "안 돼", "안돼", "안 되네", "안 되는데", "안 되고", "안 와", "안 왔", "안 오", "안와", "안왔", "못 받",
            "문제가", "고장", "주문했", "샀는데", "구매했", "결제했", "싶어", "싶은데", "싶습니", "싶고", "하려고",
            "얼마예요", "얼마인가요", "얼마에요", "얼마죠", "가능한가요", "가능할까요", "궁금해", "궁금한데",
            "문의하려", "제 주문", "제 계정", "환불해 주세요", "환불 받", "바꾸려고",
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
