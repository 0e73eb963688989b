/// Something in the store is not as the schema promises.
public enum CallStoreError: Error, Sendable, CustomStringConvertible {
    /// A row of this table could not be read.
    case corruptRow(String)
    /// A pagination cursor that this store did not write.
    case invalidCursor
    /// The call a repeated request refers to was withdrawn by the first request (its enqueue failed) in between.
    case withdrawn
    /// A review of a call that has no result (not analyzed yet, or failed).
    case notReviewable
    /// A review of a criterion the call's result does not have.
    case unknownCriterion(String)
    /// PostgreSQL refused to hold a call's result (a number out of range, say): retrying cannot help.
    case unstorableResult(String)

    public var description: String {
        switch self {
        case .corruptRow(let table): "a row of \(table) could not be read"
        case .invalidCursor: "the cursor is not valid"
        case .withdrawn: "the earlier request with this key was not accepted"
        case .notReviewable: "the call has no result to review"
        case .unknownCriterion(let key): "the call's result has no criterion \(key)"
        case .unstorableResult(let reason): "the result cannot be stored: \(reason)"
        }
    }
}
