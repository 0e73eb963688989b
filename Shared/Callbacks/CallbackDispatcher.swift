import CallAuditCore
import CallAuditRuntime
import CallStore
import CoreExtensions
import CurlHTTP
import FailurePolicy
import Foundation
import Logging
import ServiceLifecycle
import Telemetry

/// Delivers the callback outbox: claims the deliveries that are due (a lease each, so that one whose worker dies is
/// tried again), POSTs each event's fixed JSON body, signed, to its URL with a short time limit, no redirects and a
/// cap on the answer read, records every attempt, and retries timeouts, 5xx and 429 with backoff until
/// `CALLBACK_MAX_ATTEMPTS`. Several workers deliver side by side without sending an attempt twice.
public struct CallbackDispatcher: Service {
    let backends: Backends
    let http: CurlHTTPClient
    let settings: CallbackSettings
    let signature: CallbackSignature?
    let logger: Logger

    /// Creates the dispatcher.
    public init(backends: Backends, http: CurlHTTPClient, settings: CallbackSettings, logger: Logger) {
        self.backends = backends
        self.http = http
        self.settings = settings
        signature = settings.secret.map(CallbackSignature.init(secret:))
        self.logger = logger
    }

    var repository: CallRepository { backends.repository }

    /// How long a claimed delivery is left to its worker: its attempt's time limit, then room to record it.
    var lease: Duration { settings.timeout * 2 + .seconds(10) }

    /// Waits until the backends are prepared, then delivers until graceful shutdown; attempts under way then finish
    /// (each within `CALLBACK_TIMEOUT_SECONDS`).
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        if signature == nil { logger.warning("CALLBACK_SECRET is not set: callback events are sent unsigned") }
        let slots = WorkSlots(capacity: settings.concurrency)
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                // Waits while every slot is busy; a delivery that ends frees its slot at once.
                let free = await cancelWhenGracefulShutdown { await slots.takeFree() }
                guard free > 0 else { continue }
                var claimed: [CallbackDelivery] = []
                do {
                    claimed = try await repository.claimDueCallbacks(limit: free, lease: lease)
                } catch {
                    logger.warning("could not read the callback outbox", metadata: ["error": "\(error)"])
                }
                slots.release(free - claimed.count)
                for delivery in claimed {
                    group.addTask {
                        await deliver(delivery)
                        slots.release()
                    }
                }
                if claimed.count < free {
                    // Woken by graceful shutdown, which waits for this service before it stops the next.
                    try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.pollInterval) }
                }
            }
        }
    }

    /// One attempt at one delivery, recorded. A cancelled attempt (the worker is stopping) is not recorded: its lease
    /// runs out and another attempt is made.
    func deliver(_ delivery: CallbackDelivery) async {
        let body = Array(delivery.body.utf8)
        let timestamp = Int(Date().timeIntervalSince1970)
        var headers = [
            HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("User-Agent", "CallAudit/\(CallAuditVersion.current)"),
            HTTPHeader("X-CallAudit-Event", delivery.event),
            HTTPHeader("X-CallAudit-Event-Id", delivery.eventID.uuidString.lowercased()),
            HTTPHeader(CallbackSignature.timestampHeader, "\(timestamp)"),
        ]
        if let signature {
            headers.append(HTTPHeader(CallbackSignature.signatureHeader, signature.sign(body: body, timestamp: timestamp)))
        }
        var request = HTTPRequest(method: "POST", url: delivery.url, headers: headers, body: body)
        request.timeout = settings.timeout
        request.connectTimeout = min(settings.timeout, .seconds(5))
        request.maxRedirects = 0
        request.maxResponseBytes = settings.maxResponseBytes
        request.allowPrivateAddresses = settings.allowPrivateAddresses
        let started = ContinuousClock.now
        let status: Int?
        let failure: (disposition: FailureDisposition, message: String)?
        do {
            let response = try await http.execute(request)
            status = response.status
            failure = (200..<300).contains(response.status) ? nil : (
                HTTPStatusPolicy.disposition(status: response.status, server: .callbackReceiver, hint: response.retryAfter),
                "HTTP \(response.status)" + ((300..<400).contains(response.status) ? " (redirects are not followed)" : ""))
        } catch is CancellationError {
            return
        } catch {
            status = nil
            failure = ((error as? HTTPClientError)?.disposition ?? .retry(after: nil), "\(error)")
        }
        let next = Self.next(after: failure?.disposition, tries: delivery.tries, settings: settings)
        let attempt = CallbackAttempt(
            deliveryID: delivery.id, attempt: delivery.attempt, httpStatus: status,
            latencyMilliseconds: (ContinuousClock.now - started).wholeMilliseconds, error: failure?.message, next: next)
        do {
            try await repository.recordCallbackAttempt(attempt)
        } catch {
            logger.warning("could not record a callback attempt; it is tried again when its lease runs out",
                           metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
            return
        }
        let outcome = switch next {
        case .delivered: "delivered"
        case .retry: "retrying"
        case .failed: "failed"
        }
        Telemetry.callbackAttempt(event: delivery.event, outcome: outcome)
        if next != .delivered {
            logger.notice("callback attempt failed", metadata: [
                "call": "\(delivery.callID.uuidString.lowercased())", "delivery": "\(delivery.id)",
                "attempt": "\(delivery.attempt)", "outcome": "\(outcome)", "error": "\(failure?.message ?? "")",
            ])
        }
    }

    /// What becomes of a delivery after an attempt that went wrong as `disposition` (`nil`: the receiver took it),
    /// the `tries`-th since its last start: a passing failure waits the receiver's `retry-after` or the backoff (at
    /// most its maximum) while attempts remain; anything else, or the last attempt, gives up.
    static func next(after disposition: FailureDisposition?, tries: Int, settings: CallbackSettings) -> CallbackAttempt.Next {
        guard let disposition else { return .delivered }
        guard case .retry(let hint) = disposition, tries < settings.maxAttempts else { return .failed }
        return .retry(after: min(hint ?? settings.backoff.delay(attempt: tries), settings.backoff.maximum))
    }
}
