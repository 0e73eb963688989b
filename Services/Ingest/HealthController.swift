import CallAuditCore
import CallQueue
import CallStore
import Hummingbird

/// `GET /health` (the process answers) and `GET /ready` (Redis and PostgreSQL answer too).
struct HealthController<Context: RequestContext>: Sendable {
    let repository: CallRepository
    let queue: JobQueue

    struct Status: ResponseEncodable {
        var status: String
        var checks: [String: String]?
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/health", method: .get) { _, _ in Status(status: "ok") }
        routes.on("/ready", method: .get) { request, context in try await ready(request, context: context) }
    }

    func ready(_ request: Request, context: Context) async throws -> Response {
        async let redis = Self.check { _ = try await queue.redis.send(["PING"]) }
        async let postgres = Self.check { try await repository.ping() }
        let checks = ["redis": await redis, "postgres": await postgres]
        let ready = checks.values.allSatisfy { $0 == "ok" }
        let response = try Status(status: ready ? "ready" : "unavailable", checks: checks).response(from: request, context: context)
        return ready ? response : Response(status: .serviceUnavailable, headers: response.headers, body: response.body)
    }

    static func check(_ probe: @Sendable () async throws -> Void) async -> String {
        do {
            try await probe()
            return "ok"
        } catch {
            return "unreachable"
        }
    }
}
