import CallAuditCore
import CallStore
import Foundation
import Hummingbird

/// A call as `GET /v1/calls/{id}` and `GET /v1/calls` show it.
struct CallView: ResponseEncodable {
    var id: String
    var callID: String?
    var managerID: String
    var mode: CallMode
    var source: CallSource
    var status: CallStatus
    var stage: PipelineStage
    var error: String?
    var language: String?
    var audioURL: String?
    var metadata: JSONValue
    var attempts: Int
    var createdAt: Date
    var updatedAt: Date
    var completedAt: Date?
    var result: AnalysisResult?
    /// The call's callback deliveries; shown for one call, not in lists.
    var callbacks: [CallbackView]?
    var links: CallLinks

    init(_ call: CallRecord, result: AnalysisResult?, callbacks: [CallbackStatus]? = nil) {
        id = call.id.uuidString.lowercased()
        callID = call.externalID
        managerID = call.managerID
        mode = call.mode
        source = call.source
        status = call.status
        stage = call.stage
        error = call.error
        language = result?.language ?? call.languageHint
        audioURL = call.audioURL
        metadata = (try? JSONDecoder().decode(JSONValue.self, from: Data(call.metadataJSON.utf8))) ?? .object([:])
        attempts = call.attempts
        createdAt = call.createdAt
        updatedAt = call.updatedAt
        completedAt = call.completedAt
        self.result = result
        self.callbacks = callbacks?.map(CallbackView.init)
        links = .init(self: "/v1/calls/\(id)")
    }

    enum CodingKeys: String, CodingKey {
        case id
        case callID = "call_id"
        case managerID = "manager_id"
        case mode, source, status, stage, error, language
        case audioURL = "audio_url"
        case metadata, attempts
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case completedAt = "completed_at"
        case result, callbacks, links
    }
}
