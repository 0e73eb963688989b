import CoreExtensions
import FailurePolicy
import Testing

@Suite("Failure policy: one status table, one backoff")
struct FailurePolicyTests {
    @Test("a provider's status: bad input fails the call, passing faults retry with the hint, anything else takes it out")
    func providerStatuses() {
        for status in [400, 413, 415, 422] {
            #expect(HTTPStatusPolicy.disposition(status: status, server: .provider) == .permanent, "\(status)")
        }
        for status in [408, 409, 425, 429, 500, 502, 503, 504] {
            #expect(HTTPStatusPolicy.disposition(status: status, server: .provider, hint: .seconds(3)) == .retry(after: .seconds(3)))
        }
        for status in [301, 302, 401, 402, 403, 404, 405, 410] {
            #expect(HTTPStatusPolicy.disposition(status: status, server: .provider) == .providerUnavailable, "\(status)")
        }
    }

    @Test("a recording's server: passing faults retry, every other status means the recording cannot be had")
    func recordingStatuses() {
        #expect(HTTPStatusPolicy.disposition(status: 503, server: .recordingSource) == .retry(after: nil))
        #expect(HTTPStatusPolicy.disposition(status: 429, server: .recordingSource) == .retry(after: nil))
        for status in [301, 401, 403, 404, 410, 400] {
            #expect(HTTPStatusPolicy.disposition(status: status, server: .recordingSource) == .permanent, "\(status)")
        }
    }

    @Test("backoff doubles from its base, stops at its maximum, and scales by the drawn jitter")
    func backoff() {
        let backoff = Backoff(base: .milliseconds(500), maximum: .seconds(20), jitter: 0.5...1.0)
        #expect(backoff.delay(attempt: 1) { _ in 1 } == .milliseconds(500))
        #expect(backoff.delay(attempt: 3) { _ in 1 } == .seconds(2))
        #expect(backoff.delay(attempt: 40) { _ in 1 } == .seconds(20))
        #expect(backoff.delay(attempt: 2) { $0.lowerBound } == .milliseconds(500))
        for attempt in 1...10 {
            let delay = backoff.delay(attempt: attempt)
            #expect(delay >= .milliseconds(250) && delay <= .seconds(20))
        }
    }

    @Test("only retries are retryable")
    func retryable() {
        #expect(FailureDisposition.retry(after: nil).isRetryable)
        #expect(!FailureDisposition.permanent.isRetryable)
        #expect(!FailureDisposition.providerUnavailable.isRetryable)
    }

    @Test("durations in whole milliseconds, bytes in hex")
    func extensions() {
        #expect(Duration.seconds(2).wholeMilliseconds == 2000)
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect([0x00, 0x0f, 0xa0, 0xff].hexString == "000fa0ff")
        #expect([UInt8]().hexString == "")
    }
}
