/// The limits a submission is checked against.
struct SubmissionLimits: Sendable {
    var maxTextBytes: Int
    var allowPrivateURLs: Bool
}
