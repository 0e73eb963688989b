import CallAuditCore

/// The Analyze screen (`/`): the form, filled with what was sent when it comes back with an error.
public struct AnalyzePage: Sendable {
    /// The dialog as sent.
    public let dialogText: String
    /// The recording's URL as sent.
    public let audioURL: String
    /// The manager as sent.
    public let managerID: String
    /// The modes, the chosen one selected.
    public let modes: [FormOption]
    /// The languages, the chosen one (or detection) selected.
    public let languages: [FormOption]
    /// Why the call was not accepted, when it was not.
    public let error: String?

    /// The form in `language`, with the values a user sent (`fields` by form field name) and the error they got.
    public init(language: DashboardLanguage, fields: [String: String] = [:], error: String? = nil) {
        let strings = DashboardStrings.table(language)
        dialogText = fields["dialog_text"] ?? ""
        audioURL = fields["audio_url"] ?? ""
        managerID = fields["manager_id"] ?? ""
        modes = FormOption.list(CallMode.allCases.map(\.rawValue), chosen: fields["mode"] ?? CallMode.manager.rawValue) {
            strings["mode_\($0)"] ?? $0
        }
        languages = FormOption.list(["ru", "ko", "en"], chosen: fields["language"], any: strings["language_auto"]) {
            CallLanguageName.name(of: $0)
        }
        self.error = error
    }
}
