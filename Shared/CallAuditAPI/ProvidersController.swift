import CallAuditRuntime
import Hummingbird
import Providers

/// `GET /v1/providers`: every provider the workers have configured, the steps and models it serves, whether it is
/// available (not misconfigured, out of credit or behind an open breaker) and whether its last request got an answer.
struct ProvidersController<Context: RequestContext>: Sendable {
    let providerStatus: any ProviderStatusSource

    struct View: ResponseEncodable {
        var providers: [ProviderStatus]
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/providers", method: .get) { _, _ in
            do {
                return View(providers: try await providerStatus.read())
            } catch {
                throw HTTPError(.serviceUnavailable, message: "the queue (Redis) is unreachable; provider status is kept there")
            }
        }
    }
}
