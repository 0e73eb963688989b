import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import Hummingbird
import Providers

/// `GET /health` (the process answers) and `GET /ready` (Redis and PostgreSQL answer too; the providers as the
/// workers last saw them are listed, and do not make the service unready: the local analyzer is always there).
struct HealthController<Context: RequestContext>: Sendable {
    let calls: any CallStorage
    let queue: any WorkQueue
    let providerStatus: any ProviderStatusSource

    struct Status: ResponseEncodable {
        var status: String
        var checks: [String: String]?
        var providers: [ProviderStatus]?
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/health", method: .get) { _, _ in Status(status: "ok") }
        routes.on("/ready", method: .get) { request, context in try await ready(request, context: context) }
    }

    func ready(_ request: Request, context: Context) async throws -> Response {
        async let redis = Self.check { _ = try await queue.ping() }
        async let postgres = Self.check { try await calls.ping() }
        let checks = ["redis": await redis, "postgres": await postgres]
        let ready = checks.values.allSatisfy { $0 == "ok" }
        let providers = checks["redis"] == "ok" ? try? await providerStatus.read() : nil
        let response = try Status(status: ready ? "ready" : "unavailable", checks: checks, providers: providers)
            .response(from: request, context: context)
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
