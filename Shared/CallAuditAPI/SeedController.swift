import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// The sales-audit seed's endpoints, kept for existing clients: they answer with the result when the call is analyzed
/// within `SEED_WAIT_SECONDS`, else `202` with the call's id to poll.
struct SeedController<Context: RequestContext>: Sendable {
    let intake: CallIntake
    let calls: any CallStorage
    let configuration: IngestConfiguration

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/analyze_call", method: .post) { request, context in
            try await analyze(request, context: context, source: .text)
        }
        routes.on("/analyze_audio_by_url", method: .post) { request, context in
            try await analyze(request, context: context, source: .url)
        }
        routes.on("/analyze_audio_call", method: .post) { request, context in
            return try await MultipartForm.withUpload(request, maxFileBytes: configuration.maxUploadBytes, storage: calls) { form in
                let call = try form.submission.validated(
                    source: .upload, idempotencyKey: request.idempotencyKey, id: form.audioID, audio: form.audio,
                    limits: configuration.submissionLimits)
                return try await answer(call, request: request, context: context)
            }
        }
    }

    func analyze(_ request: Request, context: Context, source: CallSource) async throws -> Response {
        let body = try await request.decodeJSON(SeedAnalyzeBody.self, limit: configuration.maxJSONBytes)
        let call = try body.submission.validated(source: source, idempotencyKey: request.idempotencyKey, limits: configuration.submissionLimits)
        return try await answer(call, request: request, context: context)
    }

    func answer(_ call: NewCall, request: Request, context: Context) async throws -> Response {
        let stored = try await intake.accept(call)
        let deadline = ContinuousClock.now + configuration.seedWait
        var pause = Duration.milliseconds(20)
        while ContinuousClock.now < deadline {
            guard let record = try await calls.find(stored.id) else { break }
            switch record.status {
            case .done:
                if let result = try await calls.result(of: stored.id) {
                    return try SeedResultView(id: stored.id, result: result).response(from: request, context: context)
                }
            case .failed:
                throw CallAuditError(status: 422, code: "analysis_failed", message: record.error ?? "the call could not be analyzed")
            case .queued, .processing:
                break
            }
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(500))
        }
        return try AcceptedCall(stored).response(from: request, context: context)
    }
}
