import CallAuditCore
import Foundation

/// A call whose pipeline finished: its result and the provider requests it took, ready to be saved.
public struct FinishedCall: Sendable, Encodable {
    /// The call.
    public var id: UUID
    /// What the pipeline found.
    public var result: AnalysisResult
    /// The provider requests it took.
    public var usage: [ProviderUsage]

    /// Creates a finished call.
    public init(id: UUID, result: AnalysisResult, usage: [ProviderUsage]) {
        self.id = id
        self.result = result
        self.usage = usage
    }
}
