import Hummingbird
import NIOCore

/// `GET /openapi.json`: the hand-written description of every route.
struct OpenAPIController<Context: RequestContext>: Sendable {
    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/openapi.json", method: .get) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }
}
