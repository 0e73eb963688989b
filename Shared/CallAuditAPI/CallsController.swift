import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// `POST /v1/calls`, `POST /v1/calls/audio`, `GET /v1/calls/{id}` and `GET /v1/calls`.
struct CallsController<Context: RequestContext>: Sendable {
    let intake: CallIntake
    let calls: any CallStorage
    let configuration: IngestConfiguration

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/calls", method: .post) { request, _ in try await create(request) }
        routes.on("/v1/calls/audio", method: .post) { request, _ in try await upload(request) }
        routes.on("/v1/calls/:id", method: .get) { _, context in try await show(context) }
        routes.on("/v1/calls", method: .get) { request, _ in try await list(request) }
    }

    func create(_ request: Request) async throws -> AcceptedCall {
        let submission = try await request.decodeJSON(CallSubmission.self, limit: configuration.maxJSONBytes)
        let source = try Self.source(of: submission)
        let call = try submission.validated(source: source, idempotencyKey: request.idempotencyKey, limits: configuration.submissionLimits)
        return AcceptedCall(try await intake.accept(call))
    }

    func upload(_ request: Request) async throws -> AcceptedCall {
        try await MultipartForm.withUpload(request, maxFileBytes: configuration.maxUploadBytes, storage: calls) { form in
            let call = try form.submission.validated(
                source: .upload, idempotencyKey: request.idempotencyKey, id: form.audioID, audio: form.audio,
                limits: configuration.submissionLimits)
            return AcceptedCall(try await intake.accept(call))
        }
    }

    func show(_ context: Context) async throws -> CallView {
        let id = try Self.callID(context)
        guard let call = try await calls.find(id) else { throw CallAuditError.notFound("no call with id \(id)") }
        let result = call.status == .done ? try await calls.result(of: id) : nil
        return CallView(call, result: result, callbacks: try await calls.callbacks(of: id))
    }

    func list(_ request: Request) async throws -> CallListView {
        let query = try CallListQuery(request.uri.queryParameters)
        let page = try await calls.list(query.filter, sort: query.sort, limit: query.limit, cursor: query.cursor)
        return CallListView(calls: page.calls.map { CallView($0, result: nil) }, nextCursor: page.nextCursor)
    }

    /// A body gives the dialog as text or a recording's URL, never both.
    static func source(of submission: CallSubmission) throws -> CallSource {
        switch (submission.dialogText, submission.audioURL) {
        case (.some, .some): throw CallAuditError.badRequest("invalid_body", "give dialog_text or audio_url, not both")
        case (.some, nil): return .text
        case (nil, .some): return .url
        case (nil, nil): throw CallAuditError.badRequest("missing_field", "dialog_text or audio_url is required")
        }
    }

    static func callID(_ context: Context) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw CallAuditError.notFound("no call with that id")
        }
        return id
    }
}
