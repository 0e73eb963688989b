import CallAuditCore
import CallStore
import Foundation
import Telemetry

/// The one owner of a call's stage while the pipeline works on it: each step says which stage it enters, and the
/// tracker writes it to the call's row (`GET /v1/calls/{id}` shows it) once per change. The store sets the rest with
/// the call's status: `queued`, the first step when a worker claims the call (`acquiring`, or `analyzing` for text),
/// `done`, `failed` and `awaiting_transcription`.
struct StageTracker {
    let repository: CallRepository
    let callID: UUID
    private(set) var current: PipelineStage
    private var clock = StageClock()

    /// Starts from the stage the claimed call is in.
    init(repository: CallRepository, call: CallRecord) {
        self.repository = repository
        callID = call.id
        current = call.stage
    }

    /// Enters `stage`; a repeat of the current stage writes nothing.
    mutating func enter(_ stage: PipelineStage) async throws {
        guard stage != current else { return }
        try await repository.setStage(callID, stage)
        clock.lap(current)
        current = stage
    }

    /// The last stage ended now (the result goes to be saved).
    mutating func finish() {
        clock.lap(current)
    }
}
