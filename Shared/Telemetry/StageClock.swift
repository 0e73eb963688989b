import CallAuditCore

/// Times the stages of one call one after the other: each `lap` records the time since the previous one (or since
/// the clock was made) as that stage's duration.
public struct StageClock: Sendable {
    private var started = ContinuousClock.now

    /// A clock started now.
    public init() {}

    /// `stage` ended now; the next stage starts now.
    public mutating func lap(_ stage: PipelineStage) {
        Telemetry.stageFinished(stage, since: started)
        started = .now
    }
}
