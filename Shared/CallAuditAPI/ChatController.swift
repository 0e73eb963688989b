import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import Providers

/// Questions about calls: `POST /v1/calls/{id}/chat` and `POST /v1/managers/{manager_id}/chat` answer as server-sent
/// events; `GET` of the same paths lists the conversations with their questions and answers; `GET /v1/models` lists
/// the models that can answer.
struct ChatController<Context: RequestContext>: Sendable {
    let chat: ChatAnswerer
    let calls: any CallStorage

    static var maxBodyBytes: Int { 64 * 1024 }

    struct ModelView: Encodable {
        var provider: String
        var model: String
    }

    struct ModelsView: ResponseEncodable {
        var models: [ModelView]
        var defaultModel: String

        enum CodingKeys: String, CodingKey {
            case models
            case defaultModel = "default"
        }
    }

    func addRoutes(to routes: RouteRecorder<Context>) {
        routes.on("/v1/calls/:id/chat", method: .post) { request, context in
            let question = try await request.decodeJSON(ChatQuestion.self, limit: Self.maxBodyBytes).validated()
            return try await chat.respond(question, about: .call(try CallsController<Context>.callID(context)))
        }
        routes.on("/v1/calls/:id/chat", method: .get) { _, context in
            let id = try CallsController<Context>.callID(context)
            guard try await calls.find(id) != nil else { throw CallAuditError.notFound("no call with id \(id.uuidString.lowercased())") }
            return ConversationsView(try await calls.conversations(about: .call(id), id: nil))
        }
        routes.on("/v1/managers/:manager_id/chat", method: .post) { request, context in
            let question = try await request.decodeJSON(ChatQuestion.self, limit: Self.maxBodyBytes).validated()
            return try await chat.respond(question, about: .manager(try Self.managerID(context)))
        }
        routes.on("/v1/managers/:manager_id/chat", method: .get) { _, context in
            ConversationsView(try await calls.conversations(about: .manager(try Self.managerID(context)), id: nil))
        }
        routes.on("/v1/models", method: .get) { _, _ in
            let views = chat.models.map { ModelView(provider: $0.provider, model: $0.model) }
                + [ModelView(provider: "local", model: "local")]
            return ModelsView(models: views, defaultModel: chat.models.first?.model ?? "local")
        }
    }

    static func managerID(_ context: Context) throws -> String {
        guard let manager = context.parameters.get("manager_id"), !manager.isEmpty, manager.count <= 128 else {
            throw CallAuditError.notFound("no manager with that id")
        }
        return manager
    }
}
