import CallAuditCore
import CallStore

/// What the pipeline made of a call.
enum PipelineOutcome: Sendable {
    /// Analyzed: the result and the provider requests it took.
    case analyzed(AnalysisResult, [ProviderUsage])
    /// An audio call that has to wait until a transcription provider is configured.
    case awaitingTranscription(String)
}
