import CallAuditCore

/// The body a CRM posts after a call ends (`POST /v1/webhooks/crm`, `POST /webhook/new_call_recording`).
struct CRMWebhookBody: Decodable {
    var callID: String?
    var managerID: String?
    var recordingURL: String?
    var mode: String?
    var language: String?
    var metadata: JSONValue?
    var callbackURL: String?

    enum CodingKeys: String, CodingKey {
        case callID = "call_id"
        case managerID = "manager_id"
        case recordingURL = "recording_url"
        case mode, language, metadata
        case callbackURL = "callback_url"
    }

    var submission: CallSubmission {
        CallSubmission(dialogText: nil, audioURL: recordingURL, mode: mode, callID: callID, managerID: managerID,
                       language: language, metadata: metadata, callbackURL: callbackURL, audioURLField: "recording_url")
    }
}
