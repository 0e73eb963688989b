import CallAuditCore

/// Finds profanity in Russian, Korean and English, tolerant of spacing and common obfuscation: letters split by spaces,
/// dots, dashes or underscores ("f u c k", "б.л.я"), an asterisk for a letter ("f*ck", "с*ка"), stretched letters
/// ("fuuuck"), Latin look-alikes in Cyrillic words ("xуй", "бляdь") and digits or symbols for letters ("sh1t", "@ss").
///
/// Words are compared as arrays of Unicode scalar values: this runs for every word of every call.
enum ProfanityDetector {
    enum Match {
        /// The root may stand anywhere in the word.
        case contains
        /// The word starts with the root.
        case prefix
        /// The word is the root.
        case word
    }

    typealias Letters = [UInt32]

    static let roots: [(root: Letters, match: Match)] = ([
        ("хуй", .contains), ("хуя", .contains), ("хуе", .prefix), ("нахуй", .contains), ("похуй", .contains),
        ("пизд", .contains), ("бля", .prefix), ("еблан", .contains), ("ебуч", .contains), ("ебан", .prefix),
        ("ебал", .prefix), ("ебат", .prefix), ("ебу", .word), ("ебн", .prefix), ("сука", .word), ("суки", .word),
        ("суку", .word), ("сучка", .prefix), ("сучар", .prefix), ("мудак", .prefix), ("мудил", .prefix),
        ("гандон", .prefix), ("гондон", .prefix), ("залуп", .prefix), ("шлюх", .prefix), ("пидор", .prefix),
        ("пидар", .prefix), ("говн", .prefix), ("дерьм", .prefix), ("хер", .word), ("нахер", .word), ("охуе", .prefix),
        ("fuck", .contains), ("shit", .contains), ("bitch", .contains), ("ashole", .contains), ("bastard", .prefix),
        ("dick", .word), ("dickhead", .word), ("cunt", .prefix), ("damn", .prefix), ("damit", .word), ("crap", .prefix),
        ("wtf", .word), ("pis", .word), ("pised", .word), ("slut", .prefix), ("whore", .prefix),
        ("씨발", .contains), ("시발", .prefix), ("씨바", .contains), ("ㅅㅂ", .contains), ("병신", .contains),
        ("개새끼", .contains), ("새끼", .contains), ("좆", .contains), ("지랄", .contains), ("미친놈", .contains),
        ("꺼져", .contains), ("닥쳐", .contains), ("존나", .contains), ("ㅈㄴ", .contains), ("썅", .contains),
    ] as [(String, Match)]).map { (collapse(letters($0.0)), $0.1) }

    /// Beginnings of words that contain a root but are not profane ("시발점": a starting point).
    static let allowed: [Letters] = [letters("시발점"), letters("시발역")]

    /// Verbal prefixes that Russian swear words take ("за-ебал", "у-ебок"), and the roots that follow them.
    static let russianPrefixes: [Letters] = ["за", "на", "вы", "от", "отъ", "по", "у", "раз", "съ", "до", "при", "пере", "недо"]
        .map(letters)
    static let russianRoots: [Letters] = ["еб", "ебал", "ебан", "ебат", "ебл", "ебн", "ебо", "ебу"].map(letters)

    static let asterisk: UInt32 = 0x2A

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
        let normalized: Letters
    }

    /// The words of a text without surrounding punctuation, runs of single letters joined ("f u c k").
    static func candidateWords(_ text: String) -> [CandidateWord] {
        var words: [CandidateWord] = []
        var singles: [Substring] = []
        func flushSingles() {
            if singles.count >= 3 {
                words.append(CandidateWord(original: singles.joined(separator: " "),
                                           normalized: normalize(singles.joined().unicodeScalars)))
            } else {
                for single in singles { words.append(CandidateWord(original: String(single), normalized: normalize(single.unicodeScalars))) }
            }
            singles.removeAll()
        }
        for piece in text.whitespaceSeparatedWords {
            let word = trimmed(piece)
            if word.unicodeScalars.count == 1 {
                singles.append(word)
                continue
            }
            flushSingles()
            if !word.isEmpty { words.append(CandidateWord(original: String(word), normalized: normalize(word.unicodeScalars))) }
        }
        flushSingles()
        return words
    }

    /// A word without the punctuation around it (`*`, `@` and `$` stay: they stand for letters).
    static func trimmed(_ piece: Substring) -> Substring {
        let keeps: (Unicode.Scalar) -> Bool = { scalar in
            scalar.value == 0x2A || scalar.value == 0x40 || scalar.value == 0x24 || isWordScalar(scalar)
        }
        let scalars = piece.unicodeScalars
        guard let first = scalars.firstIndex(where: keeps), let last = scalars.lastIndex(where: keeps) else { return "" }
        return Substring(scalars[first...last])
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x400...0x4FF, 0x3131...0x318E, 0xAC00...0xD7A3: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Lowercases, maps look-alikes to the word's main script, drops separators, and collapses repeated letters.
    static func normalize(_ scalars: some Sequence<Unicode.Scalar>) -> Letters {
        var lower: Letters = []
        var cyrillic = 0
        var latin = 0
        for scalar in scalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A: value += 0x20
            case 0x410...0x42F: value += 0x20
            case 0x401, 0x451: value = 0x435
            default: break
            }
            if (0x430...0x44F).contains(value) { cyrillic += 1 }
            if (0x61...0x7A).contains(value) { latin += 1 }
            lower.append(value)
        }
        let map = cyrillic > latin || (cyrillic > 0 && cyrillic == latin) ? toCyrillic : toLatin
        var result: Letters = []
        result.reserveCapacity(lower.count)
        for value in lower {
            if value == 0x2E || value == 0x2D || value == 0x5F || value == 0x27 || value == 0x22 { continue }
            let mapped = map[value] ?? value
            if mapped == result.last && mapped != asterisk { continue }
            result.append(mapped)
        }
        return result
    }

    static let toCyrillic: [UInt32: UInt32] = pairs([
        ("a", "а"), ("b", "б"), ("c", "с"), ("d", "д"), ("e", "е"), ("h", "н"), ("k", "к"), ("m", "м"), ("o", "о"),
        ("p", "р"), ("t", "т"), ("u", "и"), ("x", "х"), ("y", "у"), ("0", "о"), ("3", "з"), ("6", "б"), ("4", "ч"), ("@", "а"),
    ])
    static let toLatin: [UInt32: UInt32] = pairs([
        ("а", "a"), ("с", "c"), ("е", "e"), ("о", "o"), ("р", "p"), ("х", "x"), ("у", "y"), ("к", "k"),
        ("0", "o"), ("1", "i"), ("3", "e"), ("4", "a"), ("5", "s"), ("7", "t"), ("@", "a"), ("$", "s"), ("!", "i"),
    ])

    static func isProfane(_ word: Letters) -> Bool {
        guard word.count >= 2, !allowed.contains(where: { word.starts(with: $0) }) else { return false }
        if roots.contains(where: { matches(word, root: $0.root, match: $0.match) }) { return true }
        for prefix in russianPrefixes where word.count > prefix.count + 2 && word.starts(with: prefix) {
            var rest = word.dropFirst(prefix.count)
            if rest.first == 0x44A { rest = rest.dropFirst() }
            if rest.count >= 3 && russianRoots.contains(where: { rest.starts(with: $0) }) { return true }
        }
        return false
    }

    /// `*` in the word stands for any one letter.
    static func matches(_ word: Letters, root: Letters, match: Match) -> Bool {
        func equal(at offset: Int) -> Bool {
            guard offset + root.count <= word.count else { return false }
            for index in root.indices where word[offset + index] != root[index] && word[offset + index] != asterisk {
                return false
            }
            return true
        }
        switch match {
        case .word: return word.count == root.count && equal(at: 0)
        case .prefix: return equal(at: 0)
        case .contains: return word.count >= root.count && (0...(word.count - root.count)).contains(where: equal(at:))
        }
    }

    static func letters(_ text: String) -> Letters {
        text.unicodeScalars.map(\.value)
    }

    static func collapse(_ letters: Letters) -> Letters {
        var result: Letters = []
        for letter in letters where letter != result.last { result.append(letter) }
        return result
    }

    static func pairs(_ list: [(String, String)]) -> [UInt32: UInt32] {
        Dictionary(uniqueKeysWithValues: list.map { (letters($0.0)[0], letters($0.1)[0]) })
    }
}
