/// What a reviewer changes in a call's result.
public enum ReviewChange: Sendable, Equatable {
    /// A criterion's score (0–100), by the criterion's key.
    case score(criterion: String, to: Int)
    /// The reviewer's notes on the call (replacing earlier notes).
    case notes(String)
}
