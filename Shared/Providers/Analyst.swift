import CallAuditCore

/// An analysis provider (DESIGN.md §2, step 5): a dialog in, a scored result out.
public protocol Analyst: Sendable {
    /// `openai`, `azure`, `huggingface`, `local`.
    var provider: String { get }
    /// The model or deployment.
    var model: String { get }
    /// Whether its answers are paid for and worth keeping (the local analyzer's are cheaper to compute again).
    var cacheable: Bool { get }
    /// Analyzes one call. Throws ``ProviderFailure``.
    func analyze(_ request: AnalysisRequest) async throws -> ProviderReply<AnalysisResult>
}
