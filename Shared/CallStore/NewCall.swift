import CallAuditCore
import Foundation

/// A validated call as the ingest API accepts it, before it is stored.
public struct NewCall: Sendable {
    public var id: UUID
    /// The CRM's id of the call; with `mode` it identifies the call, so a repeat returns the stored one.
    public var externalID: String?
    public var managerID: String
    public var mode: CallMode
    public var source: CallSource
    public var languageHint: String?
    public var dialogText: String?
    public var audioURL: String?
    public var callbackURL: String?
    /// A JSON object, already validated.
    public var metadataJSON: String
    /// The `Idempotency-Key` header, if one was sent.
    public var idempotencyKey: String?
    /// The uploaded recording, for `source == .upload`.
    public var audio: UploadedAudio?

    /// Creates a call with a fresh id.
    public init(
        id: UUID = UUID(), externalID: String? = nil, managerID: String, mode: CallMode, source: CallSource,
        languageHint: String? = nil, dialogText: String? = nil, audioURL: String? = nil, callbackURL: String? = nil,
        metadataJSON: String = "{}", idempotencyKey: String? = nil, audio: UploadedAudio? = nil
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
    }
}
