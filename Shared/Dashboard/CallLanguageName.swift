/// The names of the languages calls are in, as their speakers write them.
enum CallLanguageName {
    static func name(of code: String) -> String {
        switch code {
        case "ru": "Русский"
        case "ko": "한국어"
        case "en": "English"
        default: code
        }
    }
}
