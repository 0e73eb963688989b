/// The JSON body of the sales-audit seed's `POST /analyze_call` and `POST /analyze_audio_by_url`.
struct SeedAnalyzeBody: Decodable {
    var dialogText: String?
    var fileURL: String?
    var contentMode: String?
    var callID: String?
    var managerID: String?
    var language: String?

    enum CodingKeys: String, CodingKey {
        case dialogText = "dialog_text"
        case fileURL = "file_url"
        case contentMode = "content_mode"
        case callID = "call_id"
        case managerID = "manager_id"
        case language
    }

    var submission: CallSubmission {
        CallSubmission(dialogText: dialogText, audioURL: fileURL, mode: contentMode, callID: callID, managerID: managerID,
                       language: language, metadata: nil, callbackURL: nil, audioURLField: "file_url")
    }
}
