/// One profane word found in the dialog.
public struct ProfanitySpan: Codable, Sendable, Equatable {
    /// Who said it.
    public var role: SpeakerRole
    /// The index of the segment it stands in.
    public var segment: Int
    /// The word as it was written.
    public var text: String

    /// Creates a span.
    public init(role: SpeakerRole, segment: Int, text: String) {
        self.role = role
        self.segment = segment
        self.text = text
    }
}

/// Whether the call contains profanity, and where.
public struct Profanity: Codable, Sendable, Equatable {
    /// `true` when at least one span was found.
    public var found: Bool
    /// Number of spans said by the manager.
    public var managerCount: Int
    /// Number of spans said by the customer (or an unknown speaker).
    public var customerCount: Int
    /// The spans.
    public var spans: [ProfanitySpan]

    /// Summarises a list of spans.
    public init(spans: [ProfanitySpan]) {
        self.spans = spans
        self.found = !spans.isEmpty
        self.managerCount = spans.filter { $0.role == .manager }.count
        self.customerCount = spans.count - managerCount
    }

    enum CodingKeys: String, CodingKey {
        case found
        case managerCount = "manager_count"
        case customerCount = "customer_count"
        case spans
    }
}
