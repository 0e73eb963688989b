import CallAuditCore
import Foundation

/// Which calls `GET /v1/calls` and the dashboard's calls table list.
public struct CallFilter: Sendable {
    /// Only this manager's calls.
    public var managerID: String?
    /// Only calls in this status.
    public var status: CallStatus?
    /// Only calls of this mode.
    public var mode: CallMode?
    /// Calls created at or after this instant.
    public var from: Date?
    /// Calls created before this instant.
    public var to: Date?
    /// Only analyzed calls scoring at least this (0–100).
    public var minScore: Int?
    /// Only analyzed calls scoring at most this (0–100).
    public var maxScore: Int?
    /// Only analyzed calls whose overall sentiment is this.
    public var sentiment: SentimentLabel?
    /// Only analyzed calls with (`true`) or without (`false`) profanity.
    public var profanity: Bool?
    /// Only calls in this language (the result's, else the one the caller gave).
    public var language: String?

    /// Creates a filter; `nil` fields do not filter.
    public init(
        managerID: String? = nil, status: CallStatus? = nil, mode: CallMode? = nil, from: Date? = nil, to: Date? = nil,
        minScore: Int? = nil, maxScore: Int? = nil, sentiment: SentimentLabel? = nil, profanity: Bool? = nil,
        language: String? = nil
    ) {
        self.managerID = managerID
        self.status = status
        self.mode = mode
        self.from = from
        self.to = to
        self.minScore = minScore
        self.maxScore = maxScore
        self.sentiment = sentiment
        self.profanity = profanity
        self.language = language
    }
}
