import CallAuditCore
import Foundation
import HTTPTypes
import Hummingbird

/// `POST /v1/webhooks/crm`: a CRM reports a finished call with its recording. The CRM's call id (with the mode)
/// identifies the call, so a repeated or replayed hook answers the call it created the first time.
struct WebhookController<Context: RequestContext>: Sendable {
    let intake: CallIntake
    let configuration: IngestConfiguration
    let signature: WebhookSignature?

    func addRoutes(to routes: RouteRecorder<Context>, path: String = "/v1/webhooks/crm") {
        routes.on(path, method: .post) { request, _ in try await receive(request) }
    }

    func receive(_ request: Request) async throws -> AcceptedCall {
        let raw = try await request.body.collect(upTo: configuration.maxJSONBytes)
        try signature?.verify(header: request.headers[HTTPField.Name("X-Signature")!], body: Array(buffer: raw))
        guard raw.readableBytes > 0 else { throw CallAuditError.badRequest("invalid_json", "the body is empty") }
        let body = try JSONDecoder().decode(CRMWebhookBody.self, from: Data(buffer: raw))
        guard body.callID?.trimmingCharacters(in: .whitespaces).isEmpty == false else {
            throw CallAuditError.badRequest("missing_field", "call_id is required")
        }
        guard body.recordingURL != nil else { throw CallAuditError.badRequest("missing_field", "recording_url is required") }
        let call = try body.submission.validated(
            source: .url, idempotencyKey: request.idempotencyKey, limits: configuration.submissionLimits)
        return AcceptedCall(try await intake.accept(call))
    }
}
