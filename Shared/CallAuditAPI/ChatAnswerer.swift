import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import Logging
import Providers

/// Answers a question about a call or a manager's recent calls, streamed as server-sent events: grounded in the
/// calls' transcripts and results, through the configured chat models in order (the next one when one fails before
/// its first word), or, without one, by the offline search of the transcript, which says it is a local answer. The
/// question is stored before the answer starts and the answer once it ends, with its tokens and cost; an answer cut
/// off because the asker left is stored as `interrupted` (its tokens estimated from its length), one the provider
/// broke off as `failed`.
struct ChatAnswerer: Sendable {
    let calls: any CallStorage
    let models: [ChatModel]
    let prices: PriceTable
    let logger: Logger

    static let historyMessages = 12

    /// What the answer became.
    struct Answer {
        var text = ""
        var provider = "local"
        var model = "offline"
        var status = "complete"
        var usage: (input: Int, output: Int)?
    }

    /// The streamed answer to `question` about `subject`; a bad subject, conversation or model throws a 4xx first.
    func respond(_ question: ChatQuestion.Valid, about subject: ChatSubject) async throws -> Response {
        let context = try await context(of: subject)
        let planned = try plan(question.model)
        guard let conversation = try await calls.conversation(question.conversationID, about: subject) else {
            throw CallAuditError.notFound("no conversation with that id about this \(subject.noun)")
        }
        let history = try await calls.conversations(about: subject, id: conversation).first?.messages ?? []
        let questionID = try await calls.append(ChatRecord(role: "user", content: question.question), to: conversation)
        let messages = [ChatMessage(role: "system", content: context.prompt)]
            + history.filter { !$0.content.isEmpty }.suffix(Self.historyMessages).map { ChatMessage(role: $0.role, content: $0.content) }
            + [ChatMessage(role: "user", content: question.question)]
        let start = ChatEvent.Start(
            conversationID: conversation.uuidString.lowercased(), questionID: questionID,
            calls: subject.isManager ? context.callsUsed.map { $0.uuidString.lowercased() } : nil)
        let body = ResponseBody { writer in
            var events = ServerSentEventWriter(writer: writer)
            var answer = Answer()
            do {
                try await events.send("start", start)
                try await stream(messages, question: question, context: context, planned: planned, into: &answer, events: &events)
            } catch is ServerSentEventWriter.ClientGone {
                answer.status = "interrupted"
            }
            let record = record(of: answer, messages: messages, callsUsed: context.callsUsed)
            // Stored in a task of its own: the request's task is cancelled when its client has left.
            let stored = try await Task { try await calls.append(record, to: conversation) }.value
            guard answer.status != "interrupted" else { return }
            try? await events.send("end", ChatEvent.End(
                messageID: stored, provider: answer.provider, model: answer.model, local: answer.provider == "local",
                status: answer.status, usage: ChatEvent.Usage(record)))
            try? await events.finish()
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
                        body: body)
    }

    /// Streams the answer of the first model that gives one, or the local answer.
    func stream(
        _ messages: [ChatMessage], question: ChatQuestion.Valid, context: ChatContext, planned: [ChatModel],
        into answer: inout Answer, events: inout ServerSentEventWriter
    ) async throws {
        var failure: String?
        for model in planned {
            do {
                for try await delta in model.answer(messages, temperature: question.temperature) {
                    switch delta {
                    case .text(let piece):
                        (answer.provider, answer.model) = (model.provider, model.model)
                        answer.text += piece
                        try await events.send("chunk", ChatEvent.Chunk(text: piece))
                    case .usage(let input, let output):
                        answer.usage = (input, output)
                    }
                }
                (answer.provider, answer.model) = (model.provider, model.model)
                return
            } catch let gone as ServerSentEventWriter.ClientGone {
                throw gone
            } catch {
                logger.warning("a chat model failed", metadata: ["provider": "\(model.provider)", "error": "\(error)"])
                guard answer.text.isEmpty, question.model == nil else {
                    answer.status = "failed"
                    try await events.send("error", ChatEvent.Failure(error: .init(
                        code: "provider_failed", message: "\(model.provider) broke off its answer: \(error)")))
                    return
                }
                failure = "\(model.provider): \(error)"
            }
        }
        let local = LocalChatAnswer.answer(question: question.question, sources: context.sources, note: failure)
        answer.text = local
        let lines = local.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            try await events.send("chunk", ChatEvent.Chunk(text: line + (index < lines.count - 1 ? "\n" : "")))
        }
    }

    /// The answer as stored, with its usage priced (estimated at four characters a token when the provider's count
    /// never came).
    func record(of answer: Answer, messages: [ChatMessage], callsUsed: [UUID]) -> ChatRecord {
        guard answer.provider != "local" else {
            return ChatRecord(role: "assistant", content: answer.text, provider: "local", model: "offline", status: answer.status,
                              inputTokens: 0, outputTokens: 0, costUSD: 0, callsUsed: callsUsed)
        }
        let tokens = answer.usage ?? (messages.map(\.content.count).reduce(0, +) / 4, answer.text.count / 4)
        let usage = prices.priced(ProviderUsage(
            step: "chat", provider: answer.provider, model: answer.model, inputTokens: tokens.input, outputTokens: tokens.output))
        return ChatRecord(role: "assistant", content: answer.text, provider: answer.provider, model: answer.model,
                          status: answer.status, inputTokens: tokens.input, outputTokens: tokens.output,
                          tokensEstimated: answer.usage == nil, costUSD: usage.costUSD, callsUsed: callsUsed)
    }

    /// What the answer is grounded in.
    func context(of subject: ChatSubject) async throws -> ChatContext {
        switch subject {
        case .call(let id):
            guard let call = try await calls.find(id) else { throw CallAuditError.notFound("no call with id \(id.uuidString.lowercased())") }
            guard let result = try await calls.result(of: id) else {
                throw CallAuditError(status: 409, code: "not_analyzed", message: "the call is not analyzed yet: ask once its status is done")
            }
            return ChatContext(call: call, result: result)
        case .manager(let manager):
            let since = Date().addingTimeInterval(-Double(ChatContext.managerDays) * 86_400)
            let recent = try await calls.recentResults(of: manager, since: since, limit: ChatContext.managerCalls)
            guard !recent.isEmpty else {
                throw CallAuditError.notFound("manager \(manager) has no analyzed calls in the last \(ChatContext.managerDays) days")
            }
            return ChatContext(manager: manager, calls: recent)
        }
    }

    /// The models to try: the one asked for, `local` (none), or all configured in order.
    func plan(_ requested: String?) throws -> [ChatModel] {
        guard let requested else { return models }
        if requested == "local" { return [] }
        guard let model = models.first(where: { $0.model == requested || "\($0.provider):\($0.model)" == requested }) else {
            throw CallAuditError.badRequest(
                "unknown_model", "model \(requested.prefix(100)) is not configured; GET /v1/models lists the models that are")
        }
        return [model]
    }
}

extension ChatSubject {
    var noun: String { isManager ? "manager" : "call" }

    var isManager: Bool {
        if case .manager = self { return true }
        return false
    }
}
