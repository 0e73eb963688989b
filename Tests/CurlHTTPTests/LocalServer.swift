import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The routes of the HTTP client's tests, served by `LoopbackServer`.
enum LocalServer {
    /// Routes that behave like the servers recordings and providers live on.
    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/hello") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain", HTTPField.Name("X-Test")!: "yes"],
                     body: .init(byteBuffer: ByteBuffer(string: "hello, мир")))
        }
        router.post("/echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 10_000_000)
            var headers: HTTPFields = [:]
            headers[HTTPField.Name("X-Content-Type")!] = request.headers[.contentType] ?? ""
            headers[HTTPField.Name("X-Method")!] = request.method.rawValue
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: body))
        }
        router.get("/limited") { _, _ in
            Response(status: .tooManyRequests, headers: [.retryAfter: "7", .contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"error": {"message": "slow down", "type": "requests", "code": "rate_limit_exceeded"}}"#)))
        }
        router.get("/redirect") { _, _ in Response(status: .found, headers: [.location: "/hello"]) }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/to-metadata") { _, _ in Response(status: .found, headers: [.location: "http://169.254.169.254/latest/meta-data"]) }
        router.get("/to-loopback/{port}") { _, context in
            Response(status: .found, headers: [.location: "http://127.0.0.1:\(context.parameters.get("port") ?? "1")/hello"])
        }
        router.get("/big") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(repeating: 7, count: 200_000)))
        }
        router.get("/big-chunked") { _, _ in
            Response(status: .ok, body: .init { writer in
                for _ in 0..<50 { try await writer.write(ByteBuffer(repeating: 1, count: 10_000)) }
                try await writer.finish(nil)
            })
        }
        router.get("/slow") { _, _ in
            try await Task.sleep(for: .seconds(60))
            return "late"
        }
        return router
    }
}
