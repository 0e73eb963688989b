/// Where a call is in its life: accepted and waiting, being worked on, finished, or given up on.
public enum CallStatus: String, Codable, Sendable, CaseIterable {
    case queued
    case processing
    case done
    case failed
}
