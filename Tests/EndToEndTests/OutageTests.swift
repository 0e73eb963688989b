import Foundation
import Testing
import TestSupport

/// Redis and PostgreSQL going away and coming back, on servers of the tests' own.
@Suite("Outages: the services answer 503 while a dependency is down, recover by themselves and lose nothing", .serialized)
struct OutageTests {
    static func dialog(_ number: Int) -> String {
        #"{"dialog_text": "Agent: Hello, Acme here, call \#(number). Customer: A price, please.", "manager_id": "m\#(number % 3)"}"#
    }

    @Test("Redis stopped: a submission is 503 and /ready says so; restarted empty: both recover and every accepted call is done")
    func redisOutage() async throws {
        let redis = try await TestRedisServer()
        var current = redis
        do {
            try await Stack.with(redisURL: redis.url) { stack in
                try stack.startWorker()
                for number in 0..<20 { _ = try await stack.submit(json: Self.dialog(number)) }
                await redis.stop()
                let refused = try await stack.request("POST", "/v1/calls", json: Self.dialog(98))
                #expect(refused.status == 503)
                #expect(refused.text?.contains("Redis") == true)
                #expect(try await stack.request("GET", "/ready").status == 503)
                current = try await redis.restarted()
                _ = try await stack.submitOnceAvailable(json: Self.dialog(99))
                #expect(try await stack.count("SELECT count(*) FROM calls") == 21, "the refused call was not stored")
                let done = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 21)
                #expect(done == 21, "\(stack.logs)")
                #expect(try await stack.request("GET", "/ready").status == 200)
            }
        } catch {
            await current.stop()
            throw error
        }
        await current.stop()
    }

    @Test("PostgreSQL stopped mid-run: a submission is 503; restarted: both recover, every accepted call is done with one result")
    func postgresOutage() async throws {
        let postgres = try await TestPostgresServer()
        do {
            try await Stack.with(databaseURL: postgres.url) { stack in
                for number in 0..<30 { _ = try await stack.submit(json: Self.dialog(number)) }
                try stack.startWorker(["WORKER_CONCURRENCY": "4"])
                try await Task.sleep(for: .milliseconds(100))
                try await postgres.stop()
                let refused = try await stack.request("POST", "/v1/calls", json: Self.dialog(98))
                #expect(refused.status == 503, "\(refused.text ?? "")")
                #expect(try await stack.request("GET", "/ready").status == 503)
                try await Task.sleep(for: .seconds(1))
                try await postgres.start()
                _ = try await stack.submitOnceAvailable(json: Self.dialog(99))
                let done = try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 31)
                #expect(done == 31, "\(stack.logs)")
                #expect(try await stack.count("SELECT count(*) FROM calls") == 31, "the refused call was not stored")
                #expect(try await stack.count("SELECT count(*) FROM call_results") == 31)
                #expect(try await stack.count("SELECT count(DISTINCT call_id) FROM criterion_scores") == 31)
            }
        } catch {
            await postgres.remove()
            throw error
        }
        await postgres.remove()
    }
}
