import CallAuditCore
import CallStore
import Foundation
import Hummingbird
import Realtime

/// What `GET /v1/live?…` asks for: the call's fields (as `POST /v1/calls` takes them) and the audio's format.
struct LiveSessionRequest: Sendable {
    /// The call's fields.
    let submission: CallSubmission
    /// How the audio frames are encoded.
    let format: LiveAudioFormat
    /// The token a browser opens the session with, if any.
    let token: String?

    /// Reads and checks the query; a bad field throws a 400 that names it.
    init(_ query: Hummingbird.Request) throws {
        let parameters = query.uri.queryParameters
        let value = { (name: String) -> String? in parameters[name[...]].map(String.init) }
        var submission = CallSubmission()
        submission.managerID = value("manager_id")
        submission.mode = value("mode")
        submission.language = value("language")
        submission.callID = value("call_id")
        submission.callbackURL = value("callback_url")
        self.submission = submission
        var sampleRate: Int?
        if let text = value("sample_rate") {
            guard let rate = Int(text) else {
                throw CallAuditError.badRequest("invalid_field", "sample_rate must be a whole number of Hz, not \(text.prefix(20))")
            }
            sampleRate = rate
        }
        guard let name = value("format") else {
            throw CallAuditError.badRequest("missing_field", "format is required: pcm16 (with sample_rate), g711_ulaw or g711_alaw")
        }
        switch LiveAudioFormat.named(name, sampleRate: sampleRate) {
        case .success(let format): self.format = format
        case .failure(let error): throw CallAuditError.badRequest("invalid_format", error.description)
        }
        token = value("token")
    }

    /// The call to store once the stream has ended, with its recording and, when complete, its live transcript.
    func call(id: UUID, audio: UploadedAudio, transcript: [Segment]?, limits: SubmissionLimits) throws -> NewCall {
        var call = try submission.validated(source: .live, idempotencyKey: nil, id: id, audio: audio, limits: limits)
        call.liveTranscript = transcript
        return call
    }

    /// Checks the call's fields before the session starts, so that a bad one is a 400 and not a session that fails.
    func validate(limits: SubmissionLimits) throws {
        _ = try call(id: UUID(), audio: UploadedAudio(filename: nil, contentType: nil, size: 1), transcript: nil, limits: limits)
    }
}
