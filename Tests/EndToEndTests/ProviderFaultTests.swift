import CurlHTTP
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Provider faults with both binaries: a provider failing every request, and a slow one when the worker is stopped.
@Suite("Provider faults end to end", .serialized)
struct ProviderFaultTests {
    static let dialog = #"{"dialog_text": "Agent: Hello, Acme here. Customer: A quote for ten seats, please.", "manager_id": "m"}"#

    @Test("a provider failing every request: retries, then a dead letter with the error on the call; replayed once fixed, done")
    func deadLetterAndReplay() async throws {
        try await FakeProviderServer.with { server in
            let outage = FakeResponse(status: 500, body: #"{"error": {"message": "The server had an error", "type": "server_error", "code": null}}"#)
            await server.script("/v1/chat/completions", outage, outage, outage, outage)
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-fault", "PROVIDERS": "openai",
                "PROVIDER_MAX_ATTEMPTS": "2", "PROVIDER_RETRY_BASE_MILLISECONDS": "10", "JOB_MAX_ATTEMPTS": "2",
                "ADMIN_API_KEYS": "admin-e2e",
            ]) { stack in
                let admin = [HTTPHeader("Authorization", "Bearer admin-e2e")]
                try stack.startWorker()
                let id = try await stack.submit(json: Self.dialog)
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'failed'", toReach: 1) == 1)
                let failed = try await stack.call(id)
                #expect((failed["error"] as? String)?.contains("The server had an error") == true)
                #expect(failed["attempts"] as? Int == 2)
                #expect(await server.requests("/chat/completions").count == 4, "two attempts of two requests each")
                #expect(try await stack.count("SELECT count(*) FROM provider_calls WHERE http_status = 500") == 4)
                let letters = Stack.object(try await stack.request("GET", "/v1/admin/dead-letters", headers: admin))["dead_letters"] as? [[String: Any]]
                #expect(letters?.first?["call_id"] as? String == id)

                let replay = Stack.object(try await stack.request("POST", "/v1/admin/dead-letters/replay", json: "{}", headers: admin))
                #expect(replay["replayed"] as? [String] == [id])
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)
                #expect(try await stack.call(id)["result"] is [String: Any])
                #expect(try await stack.count("SELECT count(*) FROM call_results") == 1)
            }
        }
    }

    @Test("SIGTERM while a slow provider answers: the in-flight call finishes within the grace period, then the worker exits 0")
    func gracefulWithCallInFlight() async throws {
        try await FakeProviderServer.with { server in
            await server.slowDown("/v1/chat/completions", by: .seconds(2))
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-grace", "PROVIDERS": "openai",
                "WORKER_SHUTDOWN_GRACE_SECONDS": "15",
            ]) { stack in
                let worker = try stack.startWorker()
                let id = try await stack.submit(json: Self.dialog)
                for _ in 0..<100 where await server.requests("/chat/completions").isEmpty {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(try await stack.count("SELECT count(*) FROM calls WHERE status = 'processing'") == 1)
                worker.signal(SIGTERM)
                #expect(await worker.waitForExit(timeout: .seconds(15)) == 0, "\(worker.logTail())")
                #expect(try await stack.call(id)["status"] as? String == "done", "finished before the worker exited")
                #expect(await server.requests("/chat/completions").count == 1)
            }
        }
    }

    @Test("SIGTERM while the provider stalls far past the grace: the worker aborts the request and exits 0 soon after the grace; the call stays pending and the next worker finishes it once")
    func stalledProviderPastGrace() async throws {
        try await FakeProviderServer.with { server in
            await server.slowDown("/v1/chat/completions", by: .seconds(120))
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-stall", "PROVIDERS": "openai",
                "WORKER_SHUTDOWN_GRACE_SECONDS": "3",
            ]) { stack in
                let worker = try stack.startWorker()
                let id = try await stack.submit(json: Self.dialog)
                for _ in 0..<200 where await server.requests("/chat/completions").isEmpty {
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(await server.requests("/chat/completions").count == 1)
                let signalled = ContinuousClock.now
                worker.signal(SIGTERM)
                #expect(await worker.waitForExit(timeout: .seconds(10)) == 0, "\(worker.logTail())")
                let stopping = ContinuousClock.now - signalled
                #expect(stopping >= .seconds(3) && stopping < .seconds(8), "\(stopping): the grace, then the abort")
                #expect(worker.logTail().contains("grace period over"), "\(worker.logTail())")
                #expect(try await stack.call(id)["status"] as? String == "processing", "neither failed nor retried")
                let pending = try await stack.redis.send(["XPENDING", "\(stack.prefix):jobs", "workers"])
                #expect(pending.array?.first?.int == 1, "its entry is left pending for another worker")

                await server.reset()
                try stack.startWorker()
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)
                #expect(try await stack.count("SELECT count(*) FROM call_results") == 1)
                #expect(await server.requests("/chat/completions").count == 1, "the next worker asked once")
            }
        }
    }
}
