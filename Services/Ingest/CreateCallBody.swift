/// The JSON body of `POST /v1/calls` (and, with other names, of the seed endpoints).
struct CreateCallBody: Decodable {
    var dialogText: String?
    var audioURL: String?
    var mode: String?
    var callID: String?
    var managerID: String?
    var language: String?
    var metadata: JSONValue?
    var callbackURL: String?

    enum CodingKeys: String, CodingKey {
        case dialogText = "dialog_text"
        case audioURL = "audio_url"
        case mode
        case callID = "call_id"
        case managerID = "manager_id"
        case language, metadata
        case callbackURL = "callback_url"
    }

    var submission: CallSubmission {
        CallSubmission(dialogText: dialogText, audioURL: audioURL, mode: mode, callID: callID, managerID: managerID,
                       language: language, metadata: metadata, callbackURL: callbackURL)
    }
}
