/// Splits text into lowercased words (letters and digits; an apostrophe stays inside English words; ё reads as е).
///
/// Works on Unicode scalars: it runs over every segment of every call.
enum Tokenizer {
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x41...0x5A, 0x410...0x42F: value += 0x20
            case 0x401, 0x451: value = 0x435
            default: break
            }
            let isWord: Bool
            switch value {
            case 0x30...0x39, 0x61...0x7A: isWord = true
            case 0x27: isWord = !current.isEmpty
            case 0..<0x80: isWord = false
            default: isWord = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            if isWord, let lowered = Unicode.Scalar(value) {
                current.append(lowered)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }
}
