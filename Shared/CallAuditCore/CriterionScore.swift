/// The score of one rubric criterion, with the quote that justifies it.
public struct CriterionScore: Codable, Sendable, Equatable {
    /// The stable criterion key, e.g. `needs_discovery`.
    public var key: String
    /// A human-readable name.
    public var name: String
    /// 0–100.
    public var score: Int
    /// The criterion's weight in the mode's total.
    public var weight: Double
    /// A quote from the dialog that shows the criterion met or missed, if any.
    public var evidence: String?

    /// Creates a criterion score, clamping `score` to 0–100.
    public init(key: String, name: String, score: Int, weight: Double, evidence: String? = nil) {
        self.key = key
        self.name = name
        self.score = min(100, max(0, score))
        self.weight = weight
        self.evidence = evidence
    }
}
