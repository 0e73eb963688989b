import CallAuditCore
import Foundation

/// A validated call as the ingest API accepts it, before it is stored.
public struct NewCall: Sendable {
    /// CallAudit's id, chosen at ingest.
    public var id: UUID
    /// The CRM's id of the call; with `mode` it identifies the call, so a repeat returns the stored one.
    public var externalID: String?
    /// The manager the call is scored for.
    public var managerID: String
    /// The rubric to score against.
    public var mode: CallMode
    /// Text, upload or URL.
    public var source: CallSource
    /// The language the caller gave, if any.
    public var languageHint: String?
    /// The dialog, for a text call.
    public var dialogText: String?
    /// The recording's URL, for a URL call.
    public var audioURL: String?
    /// Where to report the result, if the caller asked.
    public var callbackURL: String?
    /// A JSON object, already validated.
    public var metadataJSON: String
    /// The `Idempotency-Key` header, if one was sent.
    public var idempotencyKey: String?
    /// The uploaded recording, for `source == .upload` or `.live`.
    public var audio: UploadedAudio?
    /// A live call's transcript, when the realtime provider gave all of it.
    public var liveTranscript: [Segment]?

    /// Creates a call with a fresh id.
    public init(
        id: UUID = UUID(), externalID: String? = nil, managerID: String, mode: CallMode, source: CallSource,
        languageHint: String? = nil, dialogText: String? = nil, audioURL: String? = nil, callbackURL: String? = nil,
        metadataJSON: String = "{}", idempotencyKey: String? = nil, audio: UploadedAudio? = nil,
        liveTranscript: [Segment]? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.managerID = managerID
        self.mode = mode
        self.source = source
        self.languageHint = languageHint
        self.dialogText = dialogText
        self.audioURL = audioURL
        self.callbackURL = callbackURL
        self.metadataJSON = metadataJSON
        self.idempotencyKey = idempotencyKey
        self.audio = audio
        self.liveTranscript = liveTranscript
    }
}
