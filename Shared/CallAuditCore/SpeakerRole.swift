/// Who speaks a segment.
public enum SpeakerRole: String, Codable, Sendable, CaseIterable {
    case manager
    case customer
    case unknown
}
