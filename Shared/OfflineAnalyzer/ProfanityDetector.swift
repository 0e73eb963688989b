import CallAuditCore

/// Finds profanity in Russian, Korean and English, tolerant of spacing and common obfuscation: letters split by spaces,
/// dots, dashes or underscores ("f u c k", "б.л.я"), an asterisk for a letter ("f*ck", "с*ка"), stretched letters
/// ("fuuuck"), Latin look-alikes in Cyrillic words ("xуй", "бляdь") and digits or symbols for letters ("sh1t", "@ss").
enum ProfanityDetector {
    enum Match {
        /// The root may stand anywhere in the word.
        case contains
        /// The word starts with the root.
        case prefix
        /// The word is the root.
        case word
    }

    static let roots: [(root: [Character], match: Match)] = ([
        ("хуй", .contains), ("хуя", .contains), ("хуе", .prefix), ("нахуй", .contains), ("похуй", .contains),
        ("пизд", .contains), ("бля", .prefix), ("еблан", .contains), ("ебуч", .contains), ("ебан", .prefix),
        ("ебал", .prefix), ("ебат", .prefix), ("ебу", .word), ("ебн", .prefix), ("сука", .word), ("суки", .word),
        ("суку", .word), ("сучка", .prefix), ("сучар", .prefix), ("мудак", .prefix), ("мудил", .prefix),
        ("гандон", .prefix), ("гондон", .prefix), ("залуп", .prefix), ("шлюх", .prefix), ("пидор", .prefix),
        ("пидар", .prefix), ("говн", .prefix), ("дерьм", .prefix), ("хер", .word), ("нахер", .word), ("охуе", .prefix),
        ("fuck", .contains), ("shit", .contains), ("bitch", .contains), ("ashole", .contains), ("bastard", .prefix),
        ("dick", .word), ("dickhead", .word), ("cunt", .prefix), ("damn", .prefix), ("damit", .word), ("crap", .prefix),
        ("wtf", .word), ("pis", .word), ("pised", .word), ("slut", .prefix), ("whore", .prefix), ("motherfucker", .contains),
        ("씨발", .contains), ("시발", .prefix), ("씨바", .contains), ("ㅅㅂ", .contains), ("병신", .contains),
        ("개새끼", .contains), ("새끼", .contains), ("좆", .contains), ("지랄", .contains), ("미친놈", .contains),
        ("꺼져", .contains), ("닥쳐", .contains), ("존나", .contains), ("ㅈㄴ", .contains), ("썅", .contains),
    ] as [(String, Match)]).map { (collapse(Array($0.0)), $0.1) }

    /// Beginnings of words that contain a root but are not profane ("시발점": a starting point).
    static let allowed: [[Character]] = [Array("시발점"), Array("시발역")]

    /// Verbal prefixes that Russian swear words take ("за-ебал", "у-ебок").
    static let russianPrefixes = ["за", "на", "вы", "от", "отъ", "по", "у", "раз", "съ", "до", "при", "пере", "недо"]

    /// The profane words of each segment.
    static func spans(in segments: [Segment]) -> [ProfanitySpan] {
        var spans: [ProfanitySpan] = []
        for (index, segment) in segments.enumerated() {
            for word in candidateWords(segment.text) where isProfane(word.normalized) {
                spans.append(ProfanitySpan(role: segment.role, segment: index, text: word.original))
            }
        }
        return spans
    }

    struct CandidateWord {
        let original: String
        let normalized: [Character]
    }

    /// The words of a text, with separators inside words removed and runs of single letters joined ("f u c k").
    static func candidateWords(_ text: String) -> [CandidateWord] {
        let pieces = text.split(whereSeparator: { $0.isWhitespace })
        var words: [CandidateWord] = []
        var singles: [Substring] = []
        func flushSingles() {
            if singles.count >= 3 {
                let joined = singles.joined()
                words.append(CandidateWord(original: singles.joined(separator: " "), normalized: normalize(joined)))
            } else {
                for single in singles { words.append(CandidateWord(original: String(single), normalized: normalize(String(single)))) }
            }
            singles.removeAll()
        }
        for piece in pieces {
            let trimmed = piece.trimmingCharacters(in: .punctuationCharacters.subtracting(.init(charactersIn: "*@$#")))
            if trimmed.count == 1 {
                singles.append(Substring(trimmed))
                continue
            }
            flushSingles()
            guard !trimmed.isEmpty else { continue }
            words.append(CandidateWord(original: trimmed, normalized: normalize(trimmed)))
        }
        flushSingles()
        return words
    }

    /// Lowercases, maps look-alikes to the word's main script, drops separators, and collapses repeated letters.
    static func normalize(_ word: String) -> [Character] {
        let lower = Array(word.lowercased().replacingOccurrences(of: "ё", with: "е"))
        let cyrillic = lower.filter { ("а"..."я").contains($0) }.count
        let latin = lower.filter { ("a"..."z").contains($0) }.count
        let map = cyrillic > latin || (cyrillic > 0 && cyrillic == latin) ? toCyrillic : toLatin
        var result: [Character] = []
        for character in lower {
            if ".-_'\"".contains(character) { continue }
            let mapped = map[character] ?? character
            if mapped == result.last && mapped != "*" { continue }
            result.append(mapped)
        }
        return result
    }

    static let toCyrillic: [Character: Character] = [
        "a": "а", "b": "б", "c": "с", "d": "д", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о", "p": "р", "t": "т",
        "u": "и", "x": "х", "y": "у", "0": "о", "3": "з", "6": "б", "4": "ч", "@": "а",
    ]
    static let toLatin: [Character: Character] = [
        "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "х": "x", "у": "y", "к": "k",
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
    ]

    static func isProfane(_ word: [Character]) -> Bool {
        guard word.count >= 2, !allowed.contains(where: { word.starts(with: $0) }) else { return false }
        if roots.contains(where: { matches(word, root: $0.root, match: $0.match) }) { return true }
        for prefix in russianPrefixes where word.count > prefix.count + 2 && word.starts(with: Array(prefix)) {
            let rest = Array(word.dropFirst(prefix.count))
            if rest.first == "ъ" ? isRussianRoot(Array(rest.dropFirst())) : isRussianRoot(rest) { return true }
        }
        return false
    }

    static func isRussianRoot(_ word: [Character]) -> Bool {
        ["еб", "ебал", "ебан", "ебат", "ебл", "ебн", "ебо", "ебу"].contains { word.starts(with: Array($0)) && word.count >= 3 }
    }

    /// `*` in the word stands for any one letter.
    static func matches(_ word: [Character], root: [Character], match: Match) -> Bool {
        func equal(at offset: Int) -> Bool {
            guard offset + root.count <= word.count else { return false }
            for index in root.indices where word[offset + index] != root[index] && word[offset + index] != "*" {
                return false
            }
            return true
        }
        switch match {
        case .word: return word.count == root.count && equal(at: 0)
        case .prefix: return equal(at: 0)
        case .contains: return (0...max(0, word.count - root.count)).contains(where: equal(at:))
        }
    }

    static func collapse(_ characters: [Character]) -> [Character] {
        var result: [Character] = []
        for character in characters where character != result.last { result.append(character) }
        return result
    }
}
