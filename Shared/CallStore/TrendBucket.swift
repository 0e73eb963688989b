/// The width of a trend point.
public enum TrendBucket: String, Codable, Sendable {
    case day
    case week
}
