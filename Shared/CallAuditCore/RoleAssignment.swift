/// How the roles of a call's segments were decided, and how sure that is: `roles` in a result.
public struct RoleAssignment: Codable, Sendable, Equatable {
    /// Where the roles came from.
    public var source: RoleSource
    /// 0–1: how strongly what was said supports the roles (1 for labels); with `unknown`, the confidence of the best
    /// assignment that was not made. Absent when the source gives none (a model).
    public var confidence: Double?

    /// Creates a role assignment.
    public init(source: RoleSource, confidence: Double?) {
        self.source = source
        self.confidence = confidence
    }
}
