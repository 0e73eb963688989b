import CallStore
import Foundation

/// The events of a streamed answer (`text/event-stream`): `start`, `chunk` (many), then `end`, or `error`.
enum ChatEvent {
    struct Start: Encodable {
        var conversationID: String
        var questionID: Int
        var calls: [String]?

        enum CodingKeys: String, CodingKey {
            case conversationID = "conversation_id"
            case questionID = "question_id"
            case calls
        }
    }

    struct Chunk: Encodable {
        var text: String
    }

    struct Usage: Encodable {
        var inputTokens: Int
        var outputTokens: Int
        var costUSD: Double
        var estimated: Bool

        /// The usage of a stored answer.
        init(_ answer: ChatRecord) {
            inputTokens = answer.inputTokens ?? 0
            outputTokens = answer.outputTokens ?? 0
            costUSD = answer.costUSD ?? 0
            estimated = answer.tokensEstimated
        }

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
            case costUSD = "cost_usd"
            case estimated
        }
    }

    struct End: Encodable {
        var messageID: Int
        var provider: String
        var model: String
        var local: Bool
        var status: String
        var usage: Usage

        enum CodingKeys: String, CodingKey {
            case messageID = "message_id"
            case provider, model, local, status, usage
        }
    }

    struct Failure: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        var error: Detail
    }
}
