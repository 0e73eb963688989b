import Audio
import CallAuditCore
import CallAuditRuntime
import CallStore
import Foundation
import Logging
import Providers
import TestSupport
import Testing

/// The chain of DESIGN.md §3 against local provider servers: retry, failover, breaker, cache, usage and cost.
@Suite("The provider chain retries, fails over and caches")
struct ProviderChainTests {
    typealias Fixtures = ProviderFixtures

    static func analysts(_ server: FakeProviderServer) -> [any Analyst] {
        [ChatAnalyst(endpoint: Fixtures.openAI(server), model: "gpt-4o-mini", http: Fixtures.http, timeout: Fixtures.timeout),
         ChatAnalyst(endpoint: Fixtures.azure(server), model: "chat-prod", http: Fixtures.http, timeout: Fixtures.timeout),
         LocalAnalyst()]
    }

    static let request = AnalysisRequest(segments: Fixtures.labelled, mode: .manager)

    @Test("a 429 rate limit is retried on the same provider after its retry-after-ms; both requests are recorded")
    func retriesRateLimit() async throws {
        try await FakeProviderServer.with { server in
            await server.script("/v1/chat/completions",
                .openAIError(429, message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded",
                             headers: ["retry-after-ms": "300"]))
            let clock = ContinuousClock()
            let started = clock.now
            let outcome = try await Fixtures.chain().run(
                step: "analysis", links: Fixtures.analysisLinks(Self.analysts(server), request: Self.request), identity: nil, logger: Fixtures.logger)
            #expect(clock.now - started >= .milliseconds(300))
            #expect(outcome.provider == "openai")
            #expect(await server.requests().map(\.path) == ["/v1/chat/completions", "/v1/chat/completions"])
            #expect(outcome.usage.map(\.httpStatus) == [429, 200])
            #expect(outcome.usage.map(\.costUSD) == [0, 0.00036])
        }
    }

    @Test("two channels, the second failing once: only it is sent again, and each of the three requests is recorded once")
    func retriesOnlyTheMissingClip() async throws {
        try await FakeProviderServer.with { server in
            await server.script("/v1/audio/transcriptions", .transcription(format: "verbose_json"),
                                FakeResponse(status: 503, body: "upstream connect error"))
            let whisper = OpenAITranscriber(endpoint: Fixtures.openAI(server), model: "whisper-1", http: Fixtures.http, timeout: Fixtures.timeout)
            let clips = [AudioClip(bytes: Fixtures.wav, format: .wav, speaker: "manager"),
                         AudioClip(bytes: Fixtures.wav, format: .wav, speaker: "customer")]
            let transcription = ClipTranscription(transcriber: whisper, clips: clips, language: "en")
            let link = ProviderLink(provider: "openai", model: "whisper-1", cacheable: false) { try await transcription.run() }
            let outcome = try await Fixtures.chain().run(step: "transcription", links: [link], identity: nil, logger: Fixtures.logger)
            #expect(await server.requests("/audio/transcriptions").count == 3)
            #expect(outcome.usage.map(\.httpStatus) == [200, 503, 200])
            #expect(Set(outcome.value.segments.compactMap(\.speaker)) == ["manager", "customer"])

            await server.script("/v1/audio/transcriptions", .transcription(format: "verbose_json"),
                                .openAIError(401, message: "Incorrect API key provided", type: "invalid_request_error", code: nil))
            let failing = ClipTranscription(transcriber: whisper, clips: clips, language: "en")
            let failingLink = ProviderLink(provider: "openai", model: "whisper-1", cacheable: false) { try await failing.run() }
            let error = await #expect(throws: ProviderChainError.self) {
                try await Fixtures.chain().run(step: "transcription", links: [failingLink], identity: nil, logger: Fixtures.logger)
            }
            #expect(error?.usage.map(\.httpStatus) == [200, 401], "the paid first channel is recorded with the failure")
        }
    }

    @Test("401 and insufficient_quota are not retried: the next provider answers and the first is marked unavailable")
    func failsOverWithoutRetry() async throws {
        for failure in [
            FakeResponse.openAIError(401, message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key"),
            FakeResponse.openAIError(429, message: "You exceeded your current quota", type: "insufficient_quota", code: "insufficient_quota"),
        ] {
            try await FakeProviderServer.with { server in
                await server.script("/v1/chat/completions", failure)
                let chain = Fixtures.chain()
                let links = Fixtures.analysisLinks(Self.analysts(server), request: Self.request)
                let outcome = try await chain.run(step: "analysis", links: links, identity: nil, logger: Fixtures.logger)
                #expect(outcome.provider == "azure")
                #expect(await server.requests().map(\.path) == ["/v1/chat/completions", "/openai/deployments/chat-prod/chat/completions"])
                let openAI = await chain.health.snapshot().first { $0.provider == "openai" }
                #expect(openAI?.available == false && openAI?.lastRequestOK == false)
                #expect(openAI?.reason?.contains("out of credit") == true)

                let again = try await chain.run(step: "analysis", links: links, identity: nil, logger: Fixtures.logger)
                #expect(again.provider == "azure")
                #expect(await server.requests("/v1/").count == 1)
            }
        }
    }

    @Test("5xx on every attempt: three tries with backoff, then the next provider; all remote down leaves local")
    func exhaustsThenFallsBack() async throws {
        try await FakeProviderServer.with { server in
            let down = FakeResponse(status: 500, body: #"{"error": {"message": "The server had an error", "type": "server_error", "code": null}}"#)
            await server.script("/v1/chat/completions", down, down, down)
            await server.script("/chat-prod/chat/completions", down, down, down)
            let outcome = try await Fixtures.chain().run(
                step: "analysis", links: Fixtures.analysisLinks(Self.analysts(server), request: Self.request), identity: nil, logger: Fixtures.logger)
            #expect(outcome.provider == "local")
            #expect(await server.requests("/v1/").count == 3)
            #expect(await server.requests("/chat-prod/").count == 3)
            #expect(outcome.usage.count == 6 && outcome.usage.allSatisfy { $0.httpStatus == 500 })
            #expect(outcome.value.providers.map(\.provider) == ["local", "local"])
        }
    }

    @Test("without a local link, every provider failing is a retry-later error; a 400 is a bad-input error at once")
    func chainErrors() async throws {
        try await FakeProviderServer.with { server in
            let remote = Array(Self.analysts(server).prefix(2))
            let down = FakeResponse(status: 503, body: "")
            await server.script("chat/completions", down, down, down, down, down, down)
            let exhausted = await #expect(throws: ProviderChainError.self) {
                _ = try await Fixtures.chain().run(step: "analysis", links: Fixtures.analysisLinks(remote, request: Self.request), identity: nil, logger: Fixtures.logger)
            }
            #expect(exhausted?.kind == .exhausted && exhausted?.usage.count == 6)
            await server.reset()
            await server.script("/v1/chat/completions", .openAIError(400, message: "Invalid audio file", type: "invalid_request_error", code: nil))
            do {
                _ = try await Fixtures.chain().run(step: "analysis", links: Fixtures.analysisLinks(remote, request: Self.request), identity: nil, logger: Fixtures.logger)
                Issue.record("a 400 must end the step")
            } catch let error as ProviderChainError {
                #expect(error.kind == .badInput && error.message.contains("Invalid audio file"))
                #expect(error.usage.map(\.httpStatus) == [400])
            }
            #expect(await server.requests().count == 1)
        }
    }

    @Test("a provider failing five times in a row is skipped while its breaker is open")
    func circuitBreaker() async throws {
        try await FakeProviderServer.with { server in
            let down = FakeResponse(status: 502, body: "bad gateway")
            await server.script("/v1/chat/completions", down, down, down, down, down, down)
            let chain = Fixtures.chain(maxAttempts: 5)
            let links = Fixtures.analysisLinks(Self.analysts(server), request: Self.request)
            let first = try await chain.run(step: "analysis", links: links, identity: nil, logger: Fixtures.logger)
            let second = try await chain.run(step: "analysis", links: links, identity: nil, logger: Fixtures.logger)
            #expect(first.provider == "azure" && second.provider == "azure")
            #expect(await server.requests("/v1/").count == 5)
            let status = await chain.health.snapshot().first { $0.provider == "openai" }
            #expect(status?.available == false && status?.reason?.contains("circuit open") == true)
        }
    }

    @Test("a breaker that opens mid-retry sends the call on at once; after the cooldown one trial request is let through")
    func halfOpenBreaker() async throws {
        try await FakeProviderServer.with { server in
            let down = FakeResponse(status: 502, body: "bad gateway")
            await server.script("/v1/chat/completions", down, down, down, down, down)
            // A cooldown long enough that a busy test run cannot outlast it between the chain's end and the check.
            let health = ProviderHealth([], failureThreshold: 2, cooldown: .seconds(10), logger: Fixtures.logger)
            let chain = ProviderChain(
                health: health, retry: RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(10), maxDelay: .seconds(1)),
                prices: PriceTable(), cache: nil)
            let outcome = try await chain.run(
                step: "analysis", links: Fixtures.analysisLinks(Self.analysts(server), request: Self.request), identity: nil,
                logger: Fixtures.logger)
            #expect(outcome.provider == "azure")
            #expect(await server.requests("/v1/").count == 2, "the breaker opened after two failures: no third try")
            #expect(await health.admits("openai") == false)
            try await Task.sleep(for: .milliseconds(10_100))
            #expect(await health.admits("openai"), "the cooldown is over: one trial")
            #expect(await health.admits("openai") == false, "only one")
            await health.recordSuccess("openai", status: 200)
            #expect(await health.admits("openai"))
        }
    }

    @Test("identical input is served from the PostgreSQL cache with zero requests; another mode is asked again")
    func cache() async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let repository = CallRepository(pool: clients.postgres)
                try await repository.migrate(logger: Logger(label: "migrate"))
                try await FakeProviderServer.with { server in
                    let chain = Fixtures.chain(cache: RepositoryAnswerCache(repository: repository, logger: Fixtures.logger))
                    func analyze(_ mode: CallMode) async throws -> ChainOutcome<AnalysisResult> {
                        let request = AnalysisRequest(segments: Fixtures.labelled, mode: mode)
                        return try await chain.run(step: "analysis", links: Fixtures.analysisLinks(Self.analysts(server), request: request),
                                                   identity: AnalysisPrompt.identity(for: request), logger: Fixtures.logger)
                    }
                    let first = try await analyze(.manager)
                    let second = try await analyze(.manager)
                    #expect(!first.cached && second.cached)
                    #expect(second.usage.isEmpty && second.provider == "openai")
                    #expect(second.value == first.value)
                    #expect(await server.requests().count == 1)
                    _ = try await analyze(.client)
                    #expect(await server.requests().count == 2)
                }
            }
        }
    }
}
