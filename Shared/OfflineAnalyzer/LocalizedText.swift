/// A text in Russian, Korean and English, told in the call's language.
struct LocalizedText: Sendable {
    let ru: String
    let ko: String
    let en: String

    /// The text in `language` (an ISO 639-1 code); English for any other language.
    func text(in language: String) -> String {
        switch language {
        case "ru": ru
        case "ko": ko
        default: en
        }
    }
}
