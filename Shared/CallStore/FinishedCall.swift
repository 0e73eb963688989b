import CallAuditCore
import Foundation

/// A call whose pipeline finished: its result and the provider requests it took, ready to be saved.
public struct FinishedCall: Sendable, Encodable {
    public var id: UUID
    public var result: AnalysisResult
    public var usage: [ProviderUsage]

    /// Creates a finished call.
    public init(id: UUID, result: AnalysisResult, usage: [ProviderUsage]) {
        self.id = id
        self.result = result
        self.usage = usage
    }
}
