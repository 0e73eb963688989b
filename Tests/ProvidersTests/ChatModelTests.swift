import CurlHTTP
import FailurePolicy
import Foundation
@testable import Providers
import Testing
import TestSupport

/// Streamed chat answers against a stand-in speaking OpenAI's wire format: the pieces as they come, the usage, and
/// every way the stream can go wrong.
@Suite("Streamed chat answers")
struct ChatModelTests {
    static func model(_ server: FakeProviderServer, timeout: Duration = .seconds(30)) -> ChatModel {
        ChatModel(endpoint: .openAICompatible(provider: "openai", baseURL: server.baseURL + "/v1", apiKey: "sk-secret-key"),
                  model: "gpt-4o-mini", http: CurlHTTPClient(threadPool: TestThreadPool.shared), timeout: timeout)
    }

    static let question = [ChatMessage(role: "system", content: "Ground it."), ChatMessage(role: "user", content: "Budget?")]

    static func collect(_ stream: AsyncThrowingStream<ChatDelta, any Error>) async -> (deltas: [ChatDelta], error: (any Error)?) {
        var deltas: [ChatDelta] = []
        do {
            for try await delta in stream { deltas.append(delta) }
            return (deltas, nil)
        } catch {
            return (deltas, error)
        }
    }

    @Test("the pieces arrive in order, then the usage; the request asks for a stream with its usage")
    func streams() async throws {
        try await FakeProviderServer.with { server in
            let (deltas, error) = await Self.collect(Self.model(server).answer(Self.question, temperature: 0.3))
            #expect(error == nil)
            #expect(deltas == FakeAnswers.streamedAnswer.map { .text($0) } + [.usage(inputTokens: 900, outputTokens: 25)])
            let sent = try #require(await server.requests("chat/completions").first)
            #expect(sent.headers["authorization"] == "Bearer sk-secret-key")
            #expect(sent.headers["accept"] == "text/event-stream")
            let body = try #require(sent.json)
            #expect(body["stream"] as? Bool == true)
            #expect((body["stream_options"] as? [String: Any])?["include_usage"] as? Bool == true)
            #expect(body["model"] as? String == "gpt-4o-mini")
            #expect(body["temperature"] as? Double == 0.3)
            #expect((body["messages"] as? [[String: Any]])?.map { $0["role"] as? String } == ["system", "user"])
        }
    }

    @Test("a refusal before the stream is a classified failure with the provider's retry-after; the key never shows")
    func refused() async throws {
        try await FakeProviderServer.with { server in
            await server.script("chat/completions",
                                .openAIError(429, message: "Rate limit for sk-secret-key", type: "requests", code: "rate_limit_exceeded",
                                             headers: ["retry-after": "3"]))
            let (deltas, error) = await Self.collect(Self.model(server).answer(Self.question, temperature: 0))
            #expect(deltas.isEmpty)
            let failure = try #require(error as? ProviderFailure)
            #expect(failure.disposition == .retry(after: .seconds(3)))
            #expect(!failure.message.contains("sk-secret-key"))
            await server.script("chat/completions", .openAIError(401, message: "bad key", type: "invalid_request_error", code: "invalid_api_key"))
            let unauthorized = await Self.collect(Self.model(server).answer(Self.question, temperature: 0)).error as? ProviderFailure
            #expect(unauthorized?.disposition == .providerUnavailable)
        }
    }

    @Test("a stream that ends before [DONE], or that reports an error, fails after the pieces it brought")
    func brokenStreams() async throws {
        try await FakeProviderServer.with { server in
            await server.script("chat/completions", FakeAnswers.streamedChat(pieces: ["Half an ", "answer"], done: false))
            let (deltas, error) = await Self.collect(Self.model(server).answer(Self.question, temperature: 0))
            #expect(deltas == [.text("Half an "), .text("answer")])
            #expect((error as? ProviderFailure)?.message == "the answer's stream ended before it was done")

            await server.script("chat/completions", FakeResponse(
                status: 200, headers: ["content-type": "text/event-stream"],
                body: "data: {\"choices\":[{\"delta\":{\"content\":\"So\"}}]}\n\ndata: {\"error\":{\"message\":\"server overloaded\"}}\n\n"))
            let reported = await Self.collect(Self.model(server).answer(Self.question, temperature: 0))
            #expect(reported.deltas == [.text("So")])
            #expect((reported.error as? ProviderFailure)?.message == "server overloaded")
        }
    }

    @Test("stopping to read aborts the request: a slow answer does not hold its thread")
    func cancelled() async throws {
        try await FakeProviderServer.with { server in
            await server.slowDown("chat/completions", by: .seconds(90))
            await server.serve("/ping", Array("pong".utf8))
            let http = CurlHTTPClient(threads: 1)
            let model = ChatModel(endpoint: .openAICompatible(provider: "openai", baseURL: server.baseURL + "/v1", apiKey: nil),
                                  model: "gpt-4o-mini", http: http, timeout: .seconds(120))
            let started = ContinuousClock.now
            let task = Task { await Self.collect(model.answer(Self.question, temperature: 0)) }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            #expect(await task.value.deltas.isEmpty)
            var ping = HTTPRequest(url: server.baseURL + "/ping")
            ping.allowPrivateAddresses = true
            #expect(try await http.execute(ping).text == "pong", "the one thread is free again")
            // The answer would take 90 s: well under it means aborted, also on a machine stalled by the tests' start.
            #expect(ContinuousClock.now - started < .seconds(45), "the transfer was aborted, not waited out")
            try await http.threadPool.shutdownGracefully()
        }
    }

    @Test("events are read across any split of the bytes, with CRLF, comments and several data lines")
    func parser() {
        let stream = Array(": keep-alive\r\ndata: one\r\n\r\nevent: x\ndata: two\ndata: lines\n\ndata: [DONE]\n\n".utf8)
        var whole = ServerSentEventParser()
        let expected = ["one", "two\nlines", "[DONE]"]
        #expect(whole.feed(stream) == expected)
        var bytewise = ServerSentEventParser()
        #expect(stream.flatMap { bytewise.feed([$0]) } == expected)
        var partial = ServerSentEventParser()
        #expect(partial.feed(Array("data: unfinished\n".utf8)).isEmpty, "an event ends with a blank line")
    }
}
