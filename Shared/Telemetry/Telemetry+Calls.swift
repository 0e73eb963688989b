import CallAuditCore
import Metrics

extension Telemetry {
    /// How an attempt at a call ended, as `callaudit_calls_finished_total` labels it.
    public enum CallEnd: String, Sendable {
        /// The result is stored.
        case done
        /// The call failed for good (bad input).
        case failed
        /// The attempt failed and the call will be retried.
        case retrying
        /// The last attempt failed: the call is a dead letter.
        case deadLettered = "dead_lettered"
        /// An audio call parked until a transcription provider is configured.
        case awaitingTranscription = "awaiting_transcription"
    }

    /// A new call was stored and queued.
    public static func callAccepted(_ source: CallSource) {
        Counter(label: MetricCatalogue.callsAccepted.name, dimensions: [("source", source.rawValue)]).increment()
    }

    /// An attempt at a call in `mode` ended as `end`, `started` at that instant.
    public static func callFinished(_ end: CallEnd, mode: CallMode, since started: ContinuousClock.Instant) {
        let dimensions = [("status", end.rawValue), ("mode", mode.rawValue)]
        Counter(label: MetricCatalogue.callsFinished.name, dimensions: dimensions).increment()
        Timer(label: MetricCatalogue.callDuration.name, dimensions: dimensions)
            .record(duration: ContinuousClock.now - started)
    }

    /// A pipeline stage of one call ended, `started` at that instant.
    public static func stageFinished(_ stage: PipelineStage, since started: ContinuousClock.Instant) {
        Timer(label: MetricCatalogue.stageDuration.name, dimensions: [("stage", stage.rawValue)])
            .record(duration: ContinuousClock.now - started)
    }
}
