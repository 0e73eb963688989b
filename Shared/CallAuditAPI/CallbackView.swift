import CallStore
import Foundation

/// A call's callback delivery as `GET /v1/calls/{id}` shows it: where the event goes (without query or credentials),
/// how it stands, and every attempt.
struct CallbackView: Encodable {
    struct AttemptView: Encodable {
        var attempt: Int
        var at: Date
        var httpStatus: Int?
        var latencyMilliseconds: Int
        var error: String?

        enum CodingKeys: String, CodingKey {
            case attempt, at
            case httpStatus = "http_status"
            case latencyMilliseconds = "latency_ms"
            case error
        }
    }

    var id: Int
    var eventID: String
    var event: String
    var url: String
    var status: String
    var nextAttemptAt: Date?
    var deliveredAt: Date?
    var attempts: [AttemptView]

    init(_ delivery: CallbackStatus) {
        id = delivery.id
        eventID = delivery.eventID.uuidString.lowercased()
        event = delivery.event
        url = delivery.url
        status = delivery.status
        nextAttemptAt = delivery.nextAttemptAt
        deliveredAt = delivery.deliveredAt
        attempts = delivery.attempts.map {
            AttemptView(attempt: $0.attempt, at: $0.at, httpStatus: $0.httpStatus,
                        latencyMilliseconds: $0.latencyMilliseconds, error: $0.error)
        }
    }

    enum CodingKeys: String, CodingKey {
        case id
        case eventID = "event_id"
        case event, url, status
        case nextAttemptAt = "next_attempt_at"
        case deliveredAt = "delivered_at"
        case attempts
    }
}
