import CallAuditCore
import CallStore
import CurlHTTP
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import OfflineAnalyzer
import Providers
import Testing
import TestSupport

@testable import CallAuditAPI

/// Questions about calls over the API: streamed answers from a chat model stand-in or the offline answer, stored as
/// conversations; the bad input around them.
@Suite("Chat about calls")
struct ChatAPITests {
    static let dialog = """
        Manager: Good afternoon, Acme Telecom, this is Anna. How can I help?
        Customer: I want a faster internet plan, but the price matters.
        Manager: What is your budget per month?
        Customer: About thirty dollars. Please send me the offer by email.
        """

    /// The events of a `text/event-stream` body, in order: (event, data as JSON).
    static func events(_ response: TestResponse) -> [(name: String, data: [String: Any])] {
        response.text.components(separatedBy: "\n\n").compactMap { block in
            let lines = block.split(separator: "\n")
            guard let name = lines.first(where: { $0.hasPrefix("event: ") })?.dropFirst(7),
                  let data = lines.first(where: { $0.hasPrefix("data: ") })?.dropFirst(6),
                  let json = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]
            else { return nil }
            return (String(name), json)
        }
    }

    static func text(_ events: [(name: String, data: [String: Any])]) -> String {
        events.filter { $0.name == "chunk" }.compactMap { $0.data["text"] as? String }.joined()
    }

    static func model(_ server: FakeProviderServer) -> ChatModel {
        ChatModel(endpoint: .openAICompatible(provider: "openai", baseURL: server.baseURL + "/v1", apiKey: "sk-test"),
                  model: "gpt-4o-mini", http: CurlHTTPClient(threadPool: TestThreadPool.shared), timeout: .seconds(30))
    }

    @Test("without a model the offline answer quotes the matching turns, says it is local, and the conversation is kept")
    func localAnswer() async throws {
        try await IngestHarness.with { harness, client in
            let id = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
            let path = "/v1/calls/\(id.uuidString.lowercased())/chat"
            let response = try await client.post(path, json: #"{"question": "What did the customer say about the price?"}"#)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let events = Self.events(response)
            #expect(events.first?.name == "start")
            #expect(events.last?.name == "end")
            let answer = Self.text(events)
            #expect(answer.hasPrefix("Local answer (no AI model is configured)"))
            #expect(answer.contains("“I want a faster internet plan, but the price matters.”"))
            #expect(!answer.contains("How can I help"), "a turn that shares no word with the question is not quoted")
            let end = try #require(events.last?.data)
            #expect(end["local"] as? Bool == true)
            #expect(end["status"] as? String == "complete")

            let russian = try await client.post(path, json: #"{"question": "Что клиент сказал про цену?", "model": "local"}"#)
            #expect(Self.text(Self.events(russian)).hasPrefix("Локальный ответ"))

            let stored = try await client.get(path)
            let conversations = try #require(stored.json["conversations"] as? [[String: Any]])
            #expect(conversations.count == 2, "each question without a conversation_id starts one")
            let messages = try #require(conversations.first?["messages"] as? [[String: Any]])
            #expect(messages.map { $0["role"] as? String } == ["user", "assistant"])
            #expect(messages.last?["content"] as? String == answer)
        }
    }

    @Test("a model's answer streams as it arrives, with usage and cost; a follow-up carries the conversation")
    func streamedAnswer() async throws {
        try await FakeProviderServer.with { server in
            try await IngestHarness.with(chatModels: [Self.model(server)]) { harness, client in
                let id = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
                let path = "/v1/calls/\(id.uuidString.lowercased())/chat"
                let first = Self.events(try await client.post(path, json: #"{"question": "Did the manager ask about the budget?"}"#))
                #expect(first.map(\.name) == ["start", "chunk", "chunk", "chunk", "end"])
                #expect(Self.text(first) == FakeAnswers.streamedAnswer.joined())
                let end = try #require(first.last?.data)
                #expect(end["provider"] as? String == "openai")
                #expect(end["model"] as? String == "gpt-4o-mini")
                let usage = try #require(end["usage"] as? [String: Any])
                #expect(usage["input_tokens"] as? Int == 900)
                #expect(usage["output_tokens"] as? Int == 25)
                #expect((usage["cost_usd"] as? Double ?? 0) > 0)
                #expect(usage["estimated"] as? Bool == false)

                let conversation = try #require(first.first?.data["conversation_id"] as? String)
                _ = try await client.post(path, json: #"{"question": "And the email?", "conversation_id": "\#(conversation)", "temperature": 0}"#)
                let requests = await server.requests("chat/completions")
                #expect(requests.count == 2)
                let sent = try #require(requests.last?.json)
                #expect(sent["stream"] as? Bool == true)
                #expect(sent["temperature"] as? Double == 0)
                let messages = try #require(sent["messages"] as? [[String: Any]])
                #expect(messages.map { $0["role"] as? String } == ["system", "user", "assistant", "user"])
                #expect((messages[0]["content"] as? String)?.contains("Customer: About thirty dollars.") == true,
                        "the answer is grounded in the transcript")
                #expect(messages[2]["content"] as? String == FakeAnswers.streamedAnswer.joined())
                let stored = try await client.get(path)
                let conversations = try #require(stored.json["conversations"] as? [[String: Any]])
                #expect(conversations.count == 1)
                let answers = (conversations.first?["messages"] as? [[String: Any]])?.filter { $0["role"] as? String == "assistant" }
                #expect(answers?.count == 2)
                #expect(answers?.allSatisfy { ($0["usage"] as? [String: Any])?["estimated"] as? Bool == false } == true)
            }
        }
    }

    @Test("a model failing before its first word gives way to the local answer; one breaking off mid-answer sends an error")
    func providerFailures() async throws {
        try await FakeProviderServer.with { server in
            try await IngestHarness.with(chatModels: [Self.model(server)]) { harness, client in
                let id = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
                let path = "/v1/calls/\(id.uuidString.lowercased())/chat"
                await server.script("chat/completions", .openAIError(503, message: "overloaded", type: "server_error", code: nil))
                let fallback = Self.events(try await client.post(path, json: #"{"question": "What about the price?"}"#))
                #expect(Self.text(fallback).hasPrefix("Local answer: the AI models could not answer"))
                #expect(fallback.last?.data["local"] as? Bool == true)

                await server.script("chat/completions", FakeAnswers.streamedChat(pieces: ["The manager ", "asked"], done: false))
                let broken = Self.events(try await client.post(path, json: #"{"question": "Did the manager ask about the budget?"}"#))
                #expect(broken.map(\.name) == ["start", "chunk", "chunk", "error", "end"])
                #expect((broken[3].data["error"] as? [String: Any])?["code"] as? String == "provider_failed")
                #expect(broken.last?.data["status"] as? String == "failed")
                let conversations = try await harness.repository.conversations(about: .call(id), id: nil)
                #expect(conversations.last?.messages.last?.content == "The manager asked")
                #expect(conversations.last?.messages.last?.status == "failed")
                #expect(conversations.last?.messages.last?.tokensEstimated == true, "the provider's count never came")
            }
        }
    }

    @Test("bad questions are 4xx and store nothing")
    func badInput() async throws {
        try await IngestHarness.with { harness, client in
            let id = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
            let other = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog, manager: "boris")
            let path = "/v1/calls/\(id.uuidString.lowercased())/chat"
            #expect(try await client.post("/v1/calls/\(UUID().uuidString)/chat", json: #"{"question": "hi"}"#).status == .notFound)
            #expect(try await client.post(path, json: #"{"question": "  "}"#).errorCode == "missing_field")
            let long = String(repeating: "why ", count: 1001)
            #expect(try await client.post(path, json: #"{"question": "\#(long)"}"#).status == .contentTooLarge)
            #expect(try await client.post(path, json: #"{"question": "hi", "temperature": 3}"#).errorCode == "invalid_field")
            #expect(try await client.post(path, json: #"{"question": "hi", "model": "gpt-9"}"#).errorCode == "unknown_model")
            #expect(try await client.post(path, json: #"{"question": "hi", "conversation_id": "nope"}"#).errorCode == "invalid_field")
            #expect(try await client.post(path, json: #"{"question": "hi", "conversation_id": "\#(UUID().uuidString)"}"#)
                .status == .notFound)
            let elsewhere = Self.events(try await client.post(
                "/v1/calls/\(other.uuidString.lowercased())/chat", json: #"{"question": "price?"}"#))
            let foreign = try #require(elsewhere.first?.data["conversation_id"] as? String)
            #expect(try await client.post(path, json: #"{"question": "hi", "conversation_id": "\#(foreign)"}"#).status == .notFound,
                    "another call's conversation")

            let waiting = try await client.post("/v1/calls", json: #"{"dialog_text": "Agent: hi"}"#)
            let waitingID = try #require(waiting.json["id"] as? String)
            #expect(try await client.post("/v1/calls/\(waitingID)/chat", json: #"{"question": "hi"}"#).errorCode == "not_analyzed")
            #expect(try await harness.repository.conversations(about: .call(id), id: nil).isEmpty)
        }
    }

    @Test("a question about a manager draws on their latest calls and says which; GET /v1/models lists what can answer")
    func managerAndModels() async throws {
        try await FakeProviderServer.with { server in
            try await IngestHarness.with(chatModels: [Self.model(server)]) { harness, client in
                let first = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
                let second = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
                let events = Self.events(try await client.post("/v1/managers/anna/chat", json: #"{"question": "How does Anna handle price?"}"#))
                let calls = try #require(events.first?.data["calls"] as? [String])
                #expect(Set(calls) == Set([first, second].map { $0.uuidString.lowercased() }))
                let prompt = try #require((await server.requests("chat/completions")).last?.json?["messages"] as? [[String: Any]])
                #expect((prompt.first?["content"] as? String)?.contains(first.uuidString.lowercased()) == true)
                let stored = try await client.get("/v1/managers/anna/chat")
                let messages = try #require((stored.json["conversations"] as? [[String: Any]])?.first?["messages"] as? [[String: Any]])
                #expect(Set(messages.last?["calls"] as? [String] ?? []) == Set(calls))
                #expect(try await client.post("/v1/managers/nobody/chat", json: #"{"question": "hi"}"#).status == .notFound)

                let models = try await client.get("/v1/models")
                #expect((models.json["models"] as? [[String: Any]])?.compactMap { $0["model"] as? String } == ["gpt-4o-mini", "local"])
                #expect(models.json["default"] as? String == "gpt-4o-mini")
            }
        }
    }

    /// A client that takes `accepted` writes and then is gone.
    struct LeavingClient: ResponseBodyWriter {
        var accepted: Int
        let received: NIOLockedValueBox<[String]>

        mutating func write(_ buffer: ByteBuffer) async throws {
            guard accepted > 0 else { throw CancellationError() }
            accepted -= 1
            received.withLockedValue { $0.append(String(buffer: buffer)) }
        }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    @Test("an asker who leaves mid-answer stops the model's request; what was said and paid is kept as interrupted")
    func askerLeaves() async throws {
        try await FakeProviderServer.with { server in
            try await IngestHarness.with(chatModels: [Self.model(server)]) { harness, _ in
                let id = try await DashboardPageTests.analyzed(harness, dialog: Self.dialog)
                let question = try ChatQuestion(question: "Did the manager ask about the budget?").validated()
                let response = try await harness.dependencies.chat.respond(question, about: .call(id))
                let received = NIOLockedValueBox<[String]>([])
                try await response.body.write(LeavingClient(accepted: 2, received: received))
                #expect(received.withLockedValue { $0 }.count == 2, "the start and the first piece")
                let answer = try #require(try await harness.repository.conversations(about: .call(id), id: nil).first?.messages.last)
                #expect(answer.role == "assistant")
                #expect(answer.status == "interrupted")
                #expect(answer.content == FakeAnswers.streamedAnswer.prefix(2).joined(), "up to the piece it left at, not the rest")
                #expect((answer.inputTokens ?? 0) > 0, "the prompt was paid for: estimated from its length")
                #expect(answer.tokensEstimated)
                #expect((answer.costUSD ?? 0) > 0)
            }
        }
    }
}
