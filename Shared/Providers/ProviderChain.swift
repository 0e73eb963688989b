import CallAuditCore
import CoreExtensions
import Crypto
import FailurePolicy
import Foundation
import Logging
import Telemetry

/// Runs one step of the pipeline through the configured providers in order (DESIGN.md §3): the cache first, then
/// each provider the health admits, retried with backoff on transient failures, skipped at once when it is
/// misconfigured or out of credit; a bad-input answer ends the step. Every request is priced and returned.
public struct ProviderChain: Sendable {
    /// The breaker and status of every provider.
    public let health: ProviderHealth
    /// Backoff and attempts.
    public let retry: RetryPolicy
    /// Prices for usage records.
    public let prices: PriceTable
    let cache: (any ProviderAnswerCache)?

    /// Creates a chain.
    public init(health: ProviderHealth, retry: RetryPolicy, prices: PriceTable, cache: (any ProviderAnswerCache)?) {
        self.health = health
        self.retry = retry
        self.prices = prices
        self.cache = cache
    }

    /// Runs `links` in order for `step`. `identity` names the input (a content hash or the prompt) for the cache;
    /// `nil` skips the cache. `logger` carries the call's metadata (`call_id`).
    public func run<Value>(step: String, links: [ProviderLink<Value>], identity: String?, logger: Logger) async throws
        -> ChainOutcome<Value>
    {
        if let identity, let hit = await cached(step: step, links: links, identity: identity, logger: logger) { return hit }
        var usage: [ProviderUsage] = []
        var reasons: [String] = []
        for link in links {
            guard await health.admits(link.provider) else {
                reasons.append("\(link.provider): out for now")
                continue
            }
            var attempt = 1
            while true {
                let clock = ContinuousClock()
                let started = clock.now
                do {
                    let reply = try await link.call()
                    await health.recordSuccess(link.provider, status: reply.usage.last?.httpStatus)
                    let served = reply.usage.map(prices.priced)
                    Telemetry.providerRequests(served, outcome: .ok)
                    usage += served
                    if let identity, link.cacheable {
                        await keep(reply.value, step: step, link: link, identity: identity, logger: logger)
                    }
                    return ChainOutcome(value: reply.value, provider: link.provider, model: link.model, usage: usage, cached: false)
                } catch let failure as ProviderFailure {
                    await health.recordFailure(failure)
                    let paid = failure.paidBefore.map(prices.priced)
                    let failed = prices.priced(failure.usage ?? ProviderUsage(
                        step: step, provider: link.provider, model: link.model, httpStatus: failure.status,
                        latencyMilliseconds: (clock.now - started).wholeMilliseconds))
                    Telemetry.providerRequests(paid, outcome: .ok)
                    Telemetry.providerRequests([failed], outcome: Telemetry.ProviderOutcome(failure.disposition))
                    usage += paid + [failed]
                    logger.warning("provider request failed", metadata: [
                        "provider": "\(link.provider)", "step": "\(step)", "attempt": "\(attempt)", "error": "\(failure)"])
                    switch failure.disposition {
                    case .permanent:
                        throw ProviderChainError(kind: .badInput, message: failure.description, usage: usage)
                    case .providerUnavailable:
                        reasons.append(failure.description)
                    case .retry(let hint):
                        if let delay = retry.delay(after: attempt, hint: hint), await health.admits(link.provider) {
                            try await Task.sleep(for: delay)
                            attempt += 1
                            continue
                        }
                        reasons.append(failure.description)
                    }
                    break
                }
            }
        }
        throw ProviderChainError(
            kind: .exhausted, message: reasons.isEmpty ? "no provider is configured for \(step)" : reasons.joined(separator: "; "),
            usage: usage)
    }

    /// The cache key of `identity` on `link`.
    static func cacheKey<Value>(step: String, link: ProviderLink<Value>, identity: String) -> String {
        let material = [step, link.provider, link.model, AnalysisPrompt.version, identity].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(material.utf8)).hexString
    }

    func cached<Value>(step: String, links: [ProviderLink<Value>], identity: String, logger: Logger) async -> ChainOutcome<Value>? {
        guard let cache else { return nil }
        let keyed = links.filter(\.cacheable).map { (link: $0, key: Self.cacheKey(step: step, link: $0, identity: identity)) }
        guard !keyed.isEmpty else { return nil }
        do {
            let answers = try await cache.answers(for: keyed.map(\.key))
            for (link, key) in keyed {
                if let bytes = answers[key], let value = try? JSONDecoder().decode(Value.self, from: Data(bytes)) {
                    return ChainOutcome(value: value, provider: link.provider, model: link.model, usage: [], cached: true)
                }
            }
        } catch {
            logger.warning("answer cache unreadable; asking the providers", metadata: ["error": "\(error)"])
        }
        return nil
    }

    func keep<Value>(_ value: Value, step: String, link: ProviderLink<Value>, identity: String, logger: Logger) async {
        guard let cache, let bytes = try? JSONEncoder().encode(value) else { return }
        do {
            try await cache.store(Array(bytes), key: Self.cacheKey(step: step, link: link, identity: identity), step: step)
        } catch {
            logger.warning("answer not cached", metadata: ["error": "\(error)"])
        }
    }
}
