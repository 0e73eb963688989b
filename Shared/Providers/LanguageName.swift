/// Whisper names languages in English words ("russian"); CallAudit speaks ISO 639-1 codes.
enum LanguageName {
    static let codes = [
        "english": "en", "russian": "ru", "korean": "ko", "ukrainian": "uk", "kazakh": "kk", "german": "de",
        "french": "fr", "spanish": "es", "italian": "it", "portuguese": "pt", "chinese": "zh", "japanese": "ja",
        "turkish": "tr", "polish": "pl", "uzbek": "uz",
    ]

    /// The code of `name`, or `name` lowercased when it already is a code or is not known.
    static func code(for name: String) -> String {
        let lowercased = name.lowercased()
        return codes[lowercased] ?? lowercased
    }
}
