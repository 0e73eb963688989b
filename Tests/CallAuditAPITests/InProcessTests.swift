import CallAuditCore
import CallQueue
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresClient
import RedisClient
import Testing
import TestSupport

@testable import CallAuditAPI

/// Routing, validation and error mapping in-process, with no server at all: the store and the queue are stand-ins
/// that record what reaches them; every answer is held against openapi.yaml as in the other API tests.
@Suite("The API in-process: routing, validation and error mapping without servers")
struct InProcessTests {
    static func with(
        environment: [String: String] = [:], calls: RecordingCallStorage = RecordingCallStorage(),
        queue: RecordingWorkQueue = RecordingWorkQueue(),
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let configuration = try IngestConfiguration(environment: EnvironmentVariables(environment))
        let openAPI = try SharedContract.document.get()
        let dependencies = IngestDependencies(
            configuration: configuration, calls: calls, queue: queue, providerStatus: NoProviderStatus(), rateLimiter: nil,
            openAPI: openAPI, logger: Logger(label: "in-process"))
        let contract = try SharedContract.contract.get()
        try await Application(router: APIRoutes.router(dependencies).router).test(.router) { client in
            try await body(ContractCheckingClient(client: client, contract: contract))
        }
    }

    @Test("bad bodies are a 400 naming what is wrong, and nothing reaches the store or the queue", arguments: [
        (#"{"dialog_text": "Agent: hi", "#, "invalid_json"),
        (#"{"mode": "manager"}"#, "missing_field"),
        (#"{"dialog_text": "Agent: hi", "mode": "boss"}"#, "invalid_mode"),
        (#"{"dialog_text": "Agent: hi", "audio_url": "https://a.example/1.mp3"}"#, "invalid_body"),
        (#"{"audio_url": "http://127.0.0.1/x.mp3"}"#, "forbidden_url"),
        (#"{"audio_url": "ftp://a.example/x.mp3"}"#, "invalid_url"),
        (#"{"dialog_text": 42}"#, "invalid_json"),
    ])
    func badBodies(body: String, code: String) async throws {
        let calls = RecordingCallStorage()
        let queue = RecordingWorkQueue()
        try await Self.with(calls: calls, queue: queue) { client in
            let response = try await client.post("/v1/calls", json: body)
            #expect(response.status == .badRequest, "\(body): \(response.text)")
            #expect(response.errorCode == code, "\(body): \(response.text)")
            #expect((response.json["error"] as? [String: Any])?["message"] as? String != nil)
        }
        #expect(calls.insertedCalls.isEmpty && queue.enqueuedIDs.isEmpty)
    }

    @Test("a valid call is stored and enqueued once, and answered 202 with its id and links")
    func accepted() async throws {
        let calls = RecordingCallStorage()
        let queue = RecordingWorkQueue()
        try await Self.with(calls: calls, queue: queue) { client in
            let response = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: Hello. Customer: Hi.", "mode": "Диалог"}"#)
            #expect(response.status == .accepted)
            let id = try #require(response.json["id"] as? String)
            #expect((response.json["links"] as? [String: Any])?["self"] as? String == "/v1/calls/\(id)")
        }
        #expect(calls.insertedCalls.map(\.mode) == [.dialog])
        #expect(queue.enqueuedIDs == calls.insertedCalls.map(\.id))
    }

    @Test("GET /v1/calls/{id}: an id that is not a UUID and an unknown one are both 404 not_found")
    func callLookups() async throws {
        try await Self.with { client in
            let malformed = try await client.get("/v1/calls/not-a-uuid")
            #expect(malformed.status == .notFound && malformed.errorCode == "not_found")
            let unknown = try await client.get("/v1/calls/\(UUID().uuidString)")
            #expect(unknown.status == .notFound && unknown.errorCode == "not_found")
            #expect(try await client.get("/v1/nowhere").status == .notFound)
        }
    }

    @Test("a store that is down is a 503 with Retry-After; a queue that refuses withdraws the stored call and answers 503")
    func outagesMapTo503() async throws {
        let down = RecordingCallStorage(failing: PostgresError(sqlState: "08006", message: "connection refused"))
        try await Self.with(calls: down) { client in
            let response = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: Hello."}"#)
            #expect(response.status == .serviceUnavailable && response.headers[.retryAfter] != nil)
            #expect(!response.text.contains("08006"), "a client learns that the database is down, not its error text")
        }
        let calls = RecordingCallStorage()
        try await Self.with(calls: calls, queue: RecordingWorkQueue(failing: RedisError.io("connection refused"))) { client in
            let response = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: Hello."}"#)
            #expect(response.status == .serviceUnavailable)
        }
        #expect(calls.withdrawnIDs == calls.insertedCalls.map(\.id) && calls.withdrawnIDs.count == 1)
    }

    @Test("readiness says which server is down")
    func readiness() async throws {
        try await Self.with(calls: RecordingCallStorage(failing: PostgresError(sqlState: "08006", message: "down"))) { client in
            let response = try await client.get("/ready")
            #expect(response.status == .serviceUnavailable)
            let checks = try #require(response.json["checks"] as? [String: String])
            #expect(checks["redis"] == "ok" && checks["postgres"] != "ok")
        }
    }

    @Test("admin routes answer 403 with no admin key configured, before touching anything")
    func adminOff() async throws {
        try await Self.with { client in
            let response = try await client.get("/v1/admin/dead-letters")
            #expect(response.status == .forbidden && response.errorCode == "admin_disabled")
        }
    }
}
