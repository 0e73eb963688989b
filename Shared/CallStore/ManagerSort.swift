/// What the per-manager report is sorted by.
public enum ManagerSort: Sendable, Equatable {
    /// The manager id (the default).
    case manager
    /// The mean total score.
    case average
    /// The number of analyzed calls.
    case calls
    /// The mean score of the criterion with this key; managers without it come last.
    case criterion(String)
}
