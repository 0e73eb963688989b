import CallAuditCore
import CallStore

/// The Calls screen (`/calls`): the filters as sent, one page of calls, the links to the next page and to the CSV of
/// everything the filters match.
public struct CallsPage: Sendable {
    /// One call in the table.
    public struct Row: Sendable {
        let href: String
        let created: String
        let managerID: String
        let callID: String?
        let mode: String
        let status: String
        let statusKey: String
        let stage: String?
        let score: Int?
        let scoreBand: String?
        let sentiment: String?
        let sentimentKey: String?
        let profanity: Bool
        let language: String?
    }

    let rows: [Row]
    let managerID: String
    let from: String
    let to: String
    let minScore: String
    let maxScore: String
    let modes: [FormOption]
    let statuses: [FormOption]
    let sentiments: [FormOption]
    let profanities: [FormOption]
    let languages: [FormOption]
    let sorts: [FormOption]
    let nextHref: String?
    let firstHref: String?
    let csvHref: String
    let empty: Bool
    let error: String?

    /// The page in `language` for the request's `query` (name and value pairs as received) and the calls found.
    public init(language: DashboardLanguage, query: [(String, String)], page: CallPage, error: String? = nil) {
        let strings = DashboardStrings.table(language)
        let values = Dictionary(query, uniquingKeysWith: { _, last in last })
        let any = strings["filter_any"]
        managerID = values["manager_id"] ?? ""
        from = values["from"] ?? ""
        to = values["to"] ?? ""
        minScore = values["min_score"] ?? ""
        maxScore = values["max_score"] ?? ""
        modes = FormOption.list(CallMode.allCases.map(\.rawValue), chosen: values["mode"], any: any) { strings["mode_\($0)"] ?? $0 }
        statuses = FormOption.list(CallStatus.allCases.map(\.rawValue), chosen: values["status"], any: any) {
            strings["status_\($0)"] ?? $0
        }
        sentiments = FormOption.list(SentimentLabel.allCases.map(\.rawValue), chosen: values["sentiment"], any: any) {
            strings["sentiment_\($0)"] ?? $0
        }
        profanities = FormOption.list(["true", "false"], chosen: values["profanity"], any: any) {
            strings[$0 == "true" ? "profanity_yes" : "profanity_no"] ?? $0
        }
        languages = FormOption.list(["ru", "ko", "en"], chosen: values["language"], any: any, label: CallLanguageName.name(of:))
        sorts = FormOption.list(CallSort.allCases.map(\.rawValue), chosen: values["sort"] ?? CallSort.newest.rawValue) {
            strings["sort_\($0)"] ?? $0
        }
        rows = page.calls.map { Self.row($0, strings: strings) }
        let filters = query.filter { !["cursor", "lang"].contains($0.0) }
        nextHref = page.nextCursor.map { PageQuery.href("/calls", filters + [("cursor", $0)]) }
        firstHref = values["cursor"] == nil ? nil : PageQuery.href("/calls", filters)
        csvHref = PageQuery.href("/calls.csv", filters)
        empty = page.calls.isEmpty && error == nil
        self.error = error
    }

    static func row(_ call: CallRecord, strings: [String: String]) -> Row {
        let id = call.id.uuidString.lowercased()
        let unfinished = call.status == .queued || call.status == .processing
        return Row(
            href: "/calls/\(id)", created: DashboardFormat.time(call.createdAt) ?? "", managerID: call.managerID,
            callID: call.externalID, mode: strings["mode_short_\(call.mode.rawValue)"] ?? call.mode.rawValue,
            status: strings["status_\(call.status.rawValue)"] ?? call.status.rawValue, statusKey: call.status.rawValue,
            stage: unfinished ? strings["stage_\(call.stage.rawValue)"] : nil,
            score: call.outcome?.totalScore, scoreBand: call.outcome.map { ScoreBand.of($0.totalScore) },
            sentiment: call.outcome.map { strings["sentiment_\($0.sentiment.rawValue)"] ?? $0.sentiment.rawValue },
            sentimentKey: call.outcome?.sentiment.rawValue, profanity: call.outcome?.hasProfanity ?? false,
            language: call.outcome?.language ?? call.languageHint)
    }
}
