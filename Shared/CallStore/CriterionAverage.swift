/// The mean score of one criterion over a manager's calls.
public struct CriterionAverage: Codable, Sendable, Equatable {
    /// The criterion's key.
    public var key: String
    /// Its human-readable name.
    public var name: String
    /// The mean score, 0–100, to two decimals.
    public var average: Double
    /// How many calls were scored on it.
    public var calls: Int
}
