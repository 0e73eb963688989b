/// The order of a list of calls. Every order ends on the call's id, so that a cursor names one position.
public enum CallSort: String, Sendable, CaseIterable {
    /// Newest first (the default).
    case newest
    /// Oldest first.
    case oldest
    /// Highest score first; calls without a result last.
    case scoreDescending = "score_desc"
    /// Lowest score first; calls without a result first.
    case scoreAscending = "score_asc"

    /// Whether a cursor of this order needs the score of the call it stops at.
    var byScore: Bool { self == .scoreDescending || self == .scoreAscending }

    /// Whether the order goes down (newest, highest score first).
    var descending: Bool { self == .newest || self == .scoreDescending }
}
