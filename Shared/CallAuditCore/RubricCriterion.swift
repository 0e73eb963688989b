/// One criterion of a rubric: what is checked and how much it weighs.
public struct RubricCriterion: Sendable, Equatable {
    /// Stable key, e.g. `needs_discovery`.
    public let key: String
    /// Human-readable name.
    public let name: String
    /// What the criterion asks, for prompts and docs.
    public let description: String
    /// Relative weight in the mode's total.
    public let weight: Double

    /// Creates a criterion.
    public init(key: String, name: String, description: String, weight: Double) {
        self.key = key
        self.name = name
        self.description = description
        self.weight = weight
    }
}
