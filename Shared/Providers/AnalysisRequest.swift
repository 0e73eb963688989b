import CallAuditCore

/// What the analysis step gets: the dialog (roles known from labels or not), the mode, the language.
public struct AnalysisRequest: Sendable {
    /// The dialog in order; roles may be `unknown` (a transcript) or known (speaker labels in text).
    public var segments: [Segment]
    /// The rubric to score against.
    public var mode: CallMode
    /// The language the caller gave, if any.
    public var languageHint: String?
    /// The language of the summary and recommendations; `nil`: the language of the call.
    public var outputLanguage: String?

    /// Creates a request.
    public init(segments: [Segment], mode: CallMode, languageHint: String? = nil, outputLanguage: String? = nil) {
        self.segments = segments
        self.mode = mode
        self.languageHint = languageHint
        self.outputLanguage = outputLanguage
    }
}
