import CallAuditCore
import CallStore
import Hummingbird
import NIOCore

/// The `202 {"id", "status", "links"}` answer to a submitted call, written without an encoder: it is the hottest
/// response of the service, and its id (a UUID) and status (an enum) need no escaping.
struct AcceptedCall: ResponseGenerator {
    let id: String
    let status: CallStatus

    init(_ stored: StoredCall) {
        id = stored.id.uuidString.lowercased()
        status = stored.status
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = #"{"id":"\#(id)","status":"\#(status.rawValue)","links":{"self":"/v1/calls/\#(id)"}}"#
        return Response(
            status: .accepted, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
