import CallAuditCore
import CallAuditRuntime
import CallQueue
import CallStore
import Dashboard
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import Providers
import Telemetry
import TestSupport

@testable import CallAuditAPI

/// The ingest router on a fresh database and a queue prefix of its own, on the real test servers. Every response is
/// held against the OpenAPI file (`ContractCheckingClient`).
struct IngestHarness: Sendable {
    let dependencies: IngestDependencies
    let clients: ServiceClients
    let backends: Backends

    var repository: CallRepository { backends.repository }
    var queue: JobQueue { backends.queue }

    static func with(
        environment extra: [String: String] = [:], redisURL: String? = nil, checkingContract: Bool = true,
        chatModels: [ChatModel] = [], _ body: @escaping @Sendable (IngestHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabase.with { databaseURL in
            var values = ["DATABASE_URL": databaseURL, "REDIS_URL": redisURL ?? TestEnvironment.redisURL,
                          "QUEUE_PREFIX": TestEnvironment.uniquePrefix("ingest"), "SEED_WAIT_SECONDS": "1"]
            values.merge(extra) { _, new in new }
            let environment = EnvironmentVariables(values)
            let configuration = try IngestConfiguration(environment: environment)
            let logger = Logger(label: "ingest-test")
            let backend = configuration.backend
            let clients = try ServiceClients(
                databaseURL: backend.databaseURL, databasePoolSize: 4, redisURL: backend.redisURL, redisPoolSize: 4,
                logger: logger)
            let backends = Backends(clients: clients, configuration: backend)
            try await backends.repository.migrate(logger: logger)
            try? await backends.queue.ensureGroup()
            let dependencies = IngestDependencies(
                configuration: configuration, backends: backends, redis: clients.redis,
                openAPI: try SharedContract.document.get(),
                dashboard: try await Dashboard.load(directory: nil, docsDirectory: configuration.docsAssetsPath),
                chatModels: chatModels, logger: logger)
            let harness = IngestHarness(dependencies: dependencies, clients: clients, backends: backends)
            Telemetry.bootstrap()
            let app = Application(router: APIRoutes.router(dependencies).router)
            do {
                let contract = try SharedContract.contract.get()
                try await app.test(.router) { client in
                    try await body(harness, checkingContract ? ContractCheckingClient(client: client, contract: contract) : client)
                }
            } catch {
                try? await harness.dropQueue()
                try? await clients.close()
                throw error
            }
            try? await harness.dropQueue()
            try await clients.close()
        }
    }

    func dropQueue() async throws {
        let c = queue.configuration
        _ = try await queue.redis.send(["DEL", c.streamKey, c.delayedKey, c.deadLetterKey, c.inFlightKey])
    }
}

/// Helpers for reading responses.
extension TestResponse {
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    var errorCode: String? {
        (json["error"] as? [String: Any])?["code"] as? String
    }

    var text: String { String(buffer: body) }
}

extension TestClientProtocol {
    /// POSTs a JSON text.
    func post(_ uri: String, json: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        var all = headers
        all[.contentType] = "application/json"
        return try await execute(uri: uri, method: .post, headers: all, body: ByteBuffer(string: json))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }
}
