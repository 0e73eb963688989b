import CallAuditCore
@testable import Callbacks
@testable import CallStore
import Foundation
import Testing
import TestSupport

/// Delivery against a CRM stand-in: signed events, retries of passing failures, giving up, replay, and the guards on
/// where an event may go.
@Suite("callback delivery")
struct CallbackDeliveryTests {
    @Test("a call that ends sends exactly one event, signed so that the CRM can verify it with the secret")
    func signedEvent() async throws {
        try await CallbackHarness.with { harness in
            let id = try await harness.endedCall(score: 70, externalID: "crm-42")
            try await harness.deliverDue()
            try await harness.deliverDue()
            let received = await harness.received()
            try #require(received.count == 1)
            let request = received[0]
            #expect(request.path == "/crm/deal-card")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["x-callaudit-event"] == "call.done")
            let timestamp = try #require(request.headers["x-callaudit-timestamp"].flatMap(Int.init))
            let signature = try #require(request.headers["x-callaudit-signature"])
            let verifier = CallbackSignature(secret: CallbackHarness.secret)
            #expect(verifier.verify(signature: signature, body: request.body, timestamp: timestamp))
            #expect(!CallbackSignature(secret: "another secret").verify(signature: signature, body: request.body, timestamp: timestamp))
            #expect(!verifier.verify(signature: signature, body: request.body + [0x20], timestamp: timestamp))
            #expect(!verifier.verify(signature: signature, body: request.body, timestamp: timestamp,
                                     now: Date().addingTimeInterval(3600)), "an old event is refused as a replay")

            let event = try #require(request.json)
            #expect(event["event"] as? String == "call.done")
            #expect(event["event_id"] as? String == request.headers["x-callaudit-event-id"])
            let call = try #require(event["call"] as? [String: Any])
            #expect(call["id"] as? String == id.uuidString.lowercased())
            #expect(call["crm_call_id"] as? String == "crm-42")
            #expect(call["manager_id"] as? String == "anna")
            #expect(call["status"] as? String == "done")
            #expect(call["score"] as? Int == 70)
            #expect(call["summary"] as? String == "Summary.")
            #expect(call["recommendations"] as? [String] == ["Ask more."])
            #expect((call["criteria"] as? [[String: Any]])?.count == Rubric.forMode(.manager).criteria.count)
            let links = try #require(event["links"] as? [String: Any])
            #expect(links["call"] as? String == "/v1/calls/\(id.uuidString.lowercased())")

            let deliveries = try await harness.repository.callbacks(of: id)
            #expect(deliveries.map(\.status) == ["delivered"])
            #expect(deliveries.first?.attempts.map(\.httpStatus) == [200])
        }
    }

    @Test("a CRM that fails twice gets the event on the third try, and every attempt is on the call")
    func retriedUntilDelivered() async throws {
        try await CallbackHarness.with { harness in
            await harness.crm.script("/crm/deal-card", FakeResponse(status: 500), FakeResponse(status: 429, headers: ["retry-after": "0"]))
            let id = try await harness.endedCall()
            for _ in 0..<3 {
                try await harness.makeDue()
                try await harness.deliverDue()
            }
            let received = await harness.received()
            #expect(received.count == 3)
            #expect(Set(received.map { $0.headers["x-callaudit-event-id"] }).count == 1, "one event, tried three times")
            let delivery = try #require(try await harness.repository.callbacks(of: id).first)
            #expect(delivery.status == "delivered")
            #expect(delivery.attempts.map(\.httpStatus) == [500, 429, 200])
            #expect(delivery.attempts.map(\.attempt) == [1, 2, 3])
            #expect(delivery.attempts[0].error == "HTTP 500")
        }
    }

    @Test("a passing failure waits the backoff before the next attempt")
    func backoffWaits() async throws {
        try await CallbackHarness.with(environment: ["CALLBACK_RETRY_BASE_MILLISECONDS": "60000"]) { harness in
            await harness.crm.script("/crm/deal-card", FakeResponse(status: 503))
            let id = try await harness.endedCall()
            try await harness.deliverDue()
            #expect(try await harness.deliverDue().isEmpty, "not due again before its backoff")
            let delivery = try #require(try await harness.repository.callbacks(of: id).first)
            #expect(delivery.status == "pending")
            let wait = try #require(delivery.nextAttemptAt).timeIntervalSinceNow
            #expect(wait > 30 && wait < 90, "about a minute with jitter, not \(wait) s")
        }
    }

    @Test("a refusal is not retried, attempts run out into failed, and an admin's replay delivers it")
    func givesUpThenReplays() async throws {
        try await CallbackHarness.with(environment: ["CALLBACK_MAX_ATTEMPTS": "2"]) { harness in
            await harness.crm.script("/crm/refuses", FakeResponse(status: 400, body: "bad"))
            await harness.crm.script("/crm/down", FakeResponse(status: 502), FakeResponse(status: 502))
            let refused = try await harness.endedCall(callbackURL: "{crm}/crm/refuses")
            let down = try await harness.endedCall(callbackURL: "{crm}/crm/down")
            for _ in 0..<3 {
                try await harness.makeDue()
                try await harness.deliverDue()
            }
            let refusedDelivery = try #require(try await harness.repository.callbacks(of: refused).first)
            #expect(refusedDelivery.status == "failed")
            #expect(refusedDelivery.attempts.count == 1)
            let downDelivery = try #require(try await harness.repository.callbacks(of: down).first)
            #expect(downDelivery.status == "failed")
            #expect(downDelivery.attempts.map(\.httpStatus) == [502, 502])

            #expect(try await harness.repository.replayCallbacks(of: down) == 1)
            #expect(try await harness.repository.replayCallbacks(of: down) == 0, "a pending delivery is left alone")
            try await harness.deliverDue()
            let replayed = try #require(try await harness.repository.callbacks(of: down).first)
            #expect(replayed.status == "delivered")
            #expect(replayed.attempts.map(\.httpStatus) == [502, 502, 200], "the history is kept")
        }
    }

    @Test("a redirect is not followed: the delivery fails at once without reaching the Location")
    func redirectNotFollowed() async throws {
        try await CallbackHarness.with { harness in
            await harness.crm.script("/crm/moved", FakeResponse(status: 302, headers: ["location": "http://169.254.169.254/"]))
            let moved = try await harness.endedCall(callbackURL: "{crm}/crm/moved")
            try await harness.deliverDue()
            let movedDelivery = try #require(try await harness.repository.callbacks(of: moved).first)
            #expect(movedDelivery.status == "failed")
            #expect(movedDelivery.attempts.first?.error == "HTTP 302 (redirects are not followed)")
        }
    }

    @Test("a slow CRM times out and is tried again")
    func slowCRMTimesOut() async throws {
        try await CallbackHarness.with(environment: ["CALLBACK_TIMEOUT_SECONDS": "1"]) { harness in
            await harness.crm.script("/crm/slow", FakeResponse(status: 200, delay: .seconds(5)))
            let slow = try await harness.endedCall(callbackURL: "{crm}/crm/slow")
            try await harness.deliverDue()
            let slowDelivery = try #require(try await harness.repository.callbacks(of: slow).first)
            #expect(slowDelivery.status == "pending")
            #expect(slowDelivery.attempts.first?.error == "the request timed out")
            #expect(slowDelivery.attempts.first?.httpStatus == nil)
        }
    }

    @Test("an event for a loopback or private address is refused unless CALLBACK_ALLOW_PRIVATE is set")
    func privateAddressRefused() async throws {
        try await CallbackHarness.with(environment: ["CALLBACK_ALLOW_PRIVATE": "false"]) { harness in
            let id = try await harness.endedCall()
            try await harness.deliverDue()
            #expect(await harness.received().isEmpty, "nothing reached the internal address")
            let delivery = try #require(try await harness.repository.callbacks(of: id).first)
            #expect(delivery.status == "failed")
            #expect(delivery.attempts.first?.error?.contains("loopback, private or internal address") == true)
        }
    }

    @Test("a delivery whose worker died mid-attempt is tried again once its lease runs out; never twice at once")
    func leaseRunsOut() async throws {
        try await CallbackHarness.with { harness in
            let id = try await harness.endedCall()
            let claimed = try await harness.repository.claimDueCallbacks(limit: 10, lease: .seconds(60))
            #expect(claimed.count == 1)
            #expect(try await harness.repository.claimDueCallbacks(limit: 10, lease: .seconds(60)).isEmpty,
                    "a claimed delivery is nobody else's while its lease lasts")
            try await harness.makeDue()  // the lease runs out
            let again = try await harness.deliverDue()
            #expect(again.map(\.attempt) == [2])
            let delivery = try #require(try await harness.repository.callbacks(of: id).first)
            #expect(delivery.status == "delivered")
            await harness.dispatcher.deliver(claimed[0])
            #expect(try await harness.repository.callbacks(of: id).first?.status == "delivered",
                    "the dead worker's late attempt changes nothing")
        }
    }

    @Test("the running service delivers an event committed while it was down, and two of them send it once")
    func serviceDelivers() async throws {
        try await CallbackHarness.with { harness in
            let id = try await harness.endedCall()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await harness.dispatcher.run() }
                group.addTask { try await harness.dispatcher.run() }
                let deadline = ContinuousClock.now + .seconds(20)
                while try await harness.repository.callbacks(of: id).first?.status != "delivered" {
                    try #require(ContinuousClock.now < deadline, "the event was not delivered within 20 s")
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await Task.sleep(for: .milliseconds(300))
                group.cancelAll()
            }
            #expect(await harness.received().count == 1)
        }
    }
}
