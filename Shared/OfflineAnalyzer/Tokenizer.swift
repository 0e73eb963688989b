/// A lowercased word as Unicode scalar values.
typealias Word = [UInt32]

/// Splits text into lowercased words (letters and digits; an apostrophe, straight or curly, stays inside English words;
/// ё reads as е).
///
/// Works on Unicode scalars: it runs over every segment of every call.
enum Tokenizer {
    static func words(_ text: String) -> [Word] {
        var words: [Word] = []
        var current: Word = []
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A, 0x410...0x42F: value += 0x20
            case 0x401, 0x451: value = 0x435
            case 0x2019: value = 0x27
            default: break
            }
            let isWord: Bool
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x430...0x44F, 0xAC00...0xD7A3: isWord = true
            case 0x27: isWord = !current.isEmpty
            case 0..<0x80: isWord = false
            default: isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord {
                current.append(value)
            } else if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
