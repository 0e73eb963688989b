import Hummingbird
import NIOCore

/// `GET /openapi.yaml` (the checked-in file as it is) and `GET /openapi.json` (the same document as JSON).
struct OpenAPIController<Context: RequestContext>: Sendable {
    let document: OpenAPIDocument

    func addRoutes(to routes: RouteRecorder<Context>) {
        let json = ByteBuffer(string: document.json)
        let yaml = ByteBuffer(string: document.yaml)
        routes.on("/openapi.json", method: .get) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: json))
        }
        routes.on("/openapi.yaml", method: .get) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: yaml))
        }
    }
}
