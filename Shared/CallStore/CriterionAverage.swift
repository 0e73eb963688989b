/// The mean score of one criterion over a manager's calls.
public struct CriterionAverage: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var average: Double
    public var calls: Int
}
