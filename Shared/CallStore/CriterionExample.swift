import Foundation

/// A call that shows a criterion at its weakest: its score there and the quote the analysis gave as evidence.
public struct CriterionExample: Sendable, Equatable {
    /// The criterion's key.
    public var key: String
    /// The call.
    public var callID: UUID
    /// The criterion's score in that call.
    public var score: Int
    /// The quote.
    public var evidence: String

    /// Creates an example.
    public init(key: String, callID: UUID, score: Int, evidence: String) {
        self.key = key
        self.callID = callID
        self.score = score
        self.evidence = evidence
    }
}
