import CallAuditCore
import CallAuditRuntime
@testable import Callbacks
@testable import CallStore
import Foundation
import Testing
import TestSupport

/// The outbox rows written with the end of a call: one event per end and destination, never one for a call that
/// did not end, never a second for a result saved again.
@Suite("callback outbox")
struct CallbackOutboxTests {
    @Test("a call's own URL and CALLBACK_URLS each get the event once; a result saved again adds none")
    func destinations() async throws {
        try await CallbackHarness.with(environment: ["CALLBACK_URLS": "{crm}/crm/all-calls, {crm}/crm/deal-card"]) { harness in
            let id = try await harness.endedCall()
            try await harness.repository.saveResult(id, result: ResultFixture.result(score: 90), usage: [])
            let deliveries = try await harness.repository.callbacks(of: id)
            #expect(deliveries.map(\.url).sorted() == ["\(harness.crm.baseURL)/crm/all-calls", "\(harness.crm.baseURL)/crm/deal-card"])
            #expect(Set(deliveries.map(\.eventID)).count == 1, "one event, two destinations")
            #expect(deliveries.allSatisfy { $0.event == "call.done" && $0.status == "pending" })
            let withoutURL = try await harness.endedCall(callbackURL: nil)
            #expect(try await harness.repository.callbacks(of: withoutURL).count == 2, "CALLBACK_URLS alone")
            let elsewhere = try await harness.endedCall(callbackURL: "{crm}/crm/other-card")
            #expect(try await harness.repository.callbacks(of: elsewhere).count == 3, "its own URL and CALLBACK_URLS")
        }
    }

    @Test("no destination, no event; a call still running has none")
    func nothingToSend() async throws {
        try await CallbackHarness.with { harness in
            let ended = try await harness.endedCall(callbackURL: nil)
            let running = try await harness.storeCall()
            #expect(try await harness.repository.callbacks(of: ended).isEmpty)
            #expect(try await harness.repository.callbacks(of: running).isEmpty)
            #expect(try await harness.deliverDue().isEmpty)
        }
    }

    @Test("a call given up on sends call.failed with its error, once; failing again after a replay is a new event")
    func failedEvents() async throws {
        try await CallbackHarness.with { harness in
            let id = try await harness.storeCall()
            try await harness.repository.markFailed(id, error: "the recording is not audio")
            try await harness.repository.markFailed(id, error: "the recording is not audio")
            #expect(try await harness.repository.callbacks(of: id).count == 1)
            try await harness.deliverDue()
            let event = try #require(await harness.received().first?.json)
            #expect(event["event"] as? String == "call.failed")
            let call = try #require(event["call"] as? [String: Any])
            #expect(call["status"] as? String == "failed")
            #expect(call["error"] as? String == "the recording is not audio")
            #expect(call["score"] == nil)

            try await harness.repository.requeueFailed([id])
            try await harness.repository.markFailed(id, error: "still not audio")
            let deliveries = try await harness.repository.callbacks(of: id)
            #expect(deliveries.map(\.event) == ["call.failed", "call.failed"])
            #expect(Set(deliveries.map(\.eventID)).count == 2)
        }
    }

    @Test("a call that is done is not failed afterwards, and sends no call.failed")
    func doneStaysDone() async throws {
        try await CallbackHarness.with { harness in
            let id = try await harness.endedCall()
            try await harness.repository.markFailed(id, error: "late failure of an earlier attempt")
            #expect(try await harness.repository.callbacks(of: id).map(\.event) == ["call.done"])
        }
    }

    @Test("links start with PUBLIC_BASE_URL, and a URL's query and credentials are not shown")
    func linksAndRedaction() async throws {
        try await CallbackHarness.with(environment: ["PUBLIC_BASE_URL": "https://audit.example.com/"]) { harness in
            let id = try await harness.endedCall(callbackURL: "{crm}/crm/deal-card?token=s3cret")
            let shown = try #require(try await harness.repository.callbacks(of: id).first)
            #expect(shown.url == "\(harness.crm.baseURL)/crm/deal-card")
            try await harness.deliverDue()
            let request = try #require(await harness.received().first)
            #expect(request.query == "token=s3cret", "the receiver gets its whole URL")
            let links = try #require(request.json?["links"] as? [String: Any])
            #expect(links["call"] as? String == "https://audit.example.com/v1/calls/\(id.uuidString.lowercased())")
            #expect(links["dashboard"] as? String == "https://audit.example.com/calls/\(id.uuidString.lowercased())")
        }
    }
}
