import CallAuditCore

/// What the pipeline made of a call: the analysis, and the provider requests it took.
struct PipelineOutcome: Sendable {
    /// The analysis.
    var result: AnalysisResult
    /// Every provider request, priced.
    var usage: [ProviderUsage]
}
