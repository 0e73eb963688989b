import CallAuditCore

/// The Live call screen (`/live`): the call's fields, a button that streams the microphone to `GET /v1/live`, and the
/// transcript as it grows (the script is `live.js`).
public struct LivePage: Sendable {
    /// The modes, the manager's selected.
    public let modes: [FormOption]
    /// The languages, detection selected.
    public let languages: [FormOption]
    /// Whether the transcript comes while the call is spoken (a realtime provider) or when it ends.
    public let realtime: Bool

    /// The screen in `language`.
    public init(language: DashboardLanguage, realtime: Bool) {
        let strings = DashboardStrings.table(language)
        modes = FormOption.list(CallMode.allCases.map(\.rawValue), chosen: CallMode.manager.rawValue) { strings["mode_\($0)"] ?? $0 }
        languages = FormOption.list(["ru", "ko", "en"], chosen: nil, any: strings["language_auto"]) { CallLanguageName.name(of: $0) }
        self.realtime = realtime
    }
}
