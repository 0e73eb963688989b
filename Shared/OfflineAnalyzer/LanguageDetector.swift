/// Tells Russian, Korean and English apart by the script of the letters.
public enum LanguageDetector {
    /// `ko` when Hangul dominates, `ru` when Cyrillic outnumbers Latin, else `en`.
    public static func detect(_ text: String) -> String {
        var hangul = 0
        var cyrillic = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
            case 0x0400...0x04FF: cyrillic += 1
            case 0x41...0x5A, 0x61...0x7A: latin += 1
            default: break
            }
        }
        if hangul > 0 && hangul * 2 >= cyrillic + latin / 3 { return "ko" }
        return cyrillic > latin ? "ru" : "en"
    }

    /// The hint when it names a supported language, else the detected one.
    static func resolve(_ text: String, hint: String?) -> String {
        if let hint = hint?.lowercased(), ["ru", "ko", "en"].contains(hint) { return hint }
        return detect(text)
    }
}
