import CallAuditCore
import CallAuditRuntime
@testable import Callbacks
@testable import CallStore
import CurlHTTP
import Foundation
import Logging
import TestSupport

/// A dispatcher over a fresh database, delivering to a CRM stand-in (``FakeProviderServer`` under `/crm/`): the real
/// outbox in PostgreSQL, the real HTTP client, only the CRM stood in.
struct CallbackHarness: Sendable {
    let backends: Backends
    let dispatcher: CallbackDispatcher
    let crm: FakeProviderServer

    static let secret = "crm-shared-secret"
    static let logger = Logger(label: "callbacks-test")

    var repository: CallRepository { backends.repository }

    /// `environment` adds to the harness's settings: the CRM stand-in is allowed (it is on loopback), events are
    /// signed with ``secret``, retries wait 10 ms.
    static func with(
        environment extra: [String: String] = [:], _ body: @escaping @Sendable (CallbackHarness) async throws -> Void
    ) async throws {
        try await FakeProviderServer.with { crm in
            try await TestDatabase.with { databaseURL in
                try await TestClients.with(databaseURL: databaseURL) { clients in
                    let environment = EnvironmentVariables([
                        "DATABASE_URL": databaseURL, "REDIS_URL": TestEnvironment.redisURL,
                        "QUEUE_PREFIX": TestEnvironment.uniquePrefix("callbacks"),
                        "CALLBACK_SECRET": secret, "CALLBACK_ALLOW_PRIVATE": "true",
                        "CALLBACK_RETRY_BASE_MILLISECONDS": "10", "CALLBACK_TIMEOUT_SECONDS": "15",
                        "CALLBACK_POLL_MILLISECONDS": "50",
                    ].merging(extra.mapValues { $0.replacingOccurrences(of: "{crm}", with: crm.baseURL) }) { _, added in added })
                    let backend = try BackendConfiguration(
                        environment: environment, defaultDatabasePoolSize: 8, defaultRedisPoolSize: 4)
                    let backends = Backends(clients: clients, configuration: backend)
                    try await backends.prepare(logger: logger)
                    let settings = try CallbackSettings(environment: environment, targets: backend.callbacks)
                    let dispatcher = CallbackDispatcher(
                        backends: backends, http: CurlHTTPClient(threadPool: TestThreadPool.shared), settings: settings,
                        logger: logger)
                    try await body(CallbackHarness(backends: backends, dispatcher: dispatcher, crm: crm))
                }
            }
        }
    }

    /// Stores a text call for `manager` with `callbackURL` (`{crm}` stands for the stand-in's address), under the CRM
    /// call id `externalID` (a new one when `nil`: a repeated one would be the same call).
    func storeCall(manager: String = "anna", externalID: String? = nil, callbackURL: String? = "{crm}/crm/deal-card") async throws -> UUID {
        let call = NewCall(
            externalID: externalID ?? "crm-\(UUID().uuidString.prefix(8))", managerID: manager, mode: .manager, source: .text,
            dialogText: "Manager: Hello. Customer: Hi.",
            callbackURL: callbackURL?.replacingOccurrences(of: "{crm}", with: crm.baseURL))
        _ = try await repository.insert(call)
        return call.id
    }

    /// Stores a call and its result, as a worker ends it.
    func endedCall(score: Int = 70, externalID: String? = nil, callbackURL: String? = "{crm}/crm/deal-card") async throws -> UUID {
        let id = try await storeCall(externalID: externalID, callbackURL: callbackURL)
        try await repository.saveResult(id, result: ResultFixture.result(score: score), usage: [])
        return id
    }

    /// Claims what is due and makes one attempt at each, as one turn of the dispatcher's loop; answers the claimed.
    @discardableResult
    func deliverDue() async throws -> [CallbackDelivery] {
        let due = try await repository.claimDueCallbacks(limit: 10, lease: dispatcher.lease)
        for delivery in due { await dispatcher.deliver(delivery) }
        return due
    }

    /// Makes the pending deliveries due now (instead of waiting out their backoff).
    func makeDue() async throws {
        _ = try await repository.pool.query(
            "UPDATE callback_deliveries SET next_attempt_at = now() WHERE status = 'pending'")
    }

    /// The requests the CRM stand-in received.
    func received() async -> [RecordedRequest] {
        await crm.requests("/crm/")
    }
}
