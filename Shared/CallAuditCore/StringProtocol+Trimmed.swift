extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines. A scan over Unicode scalars: Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString, which showed up in profiles of ingest and the analyzer.
    public var trimmed: String {
        let scalars = Substring(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }

    /// The words between runs of whitespace, without Character-level Unicode work.
    public var whitespaceSeparatedWords: [Substring] {
        var words: [Substring] = []
        let scalars = Substring(self).unicodeScalars
        var start: Substring.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar.isWhitespace {
                if let begin = start { words.append(Substring(scalars[begin..<index])) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let begin = start { words.append(Substring(scalars[begin..<scalars.endIndex])) }
        return words
    }
}

extension Unicode.Scalar {
    /// Whether this is white space (Unicode's White_Space set), decided from its value without a property lookup.
    var isWhitespace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
