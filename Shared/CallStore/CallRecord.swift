import CallAuditCore
import Foundation
import PostgresClient

/// A stored call: what was submitted and where it stands.
public struct CallRecord: Sendable {
    /// CallAudit's id of the call.
    public var id: UUID
    /// The CRM's id of the call (`call_id`).
    public var externalID: String?
    /// The manager the call is scored for (`unassigned` when none was given).
    public var managerID: String
    /// The rubric it is scored against.
    public var mode: CallMode
    /// Text, upload or URL.
    public var source: CallSource
    /// Where the call stands.
    public var status: CallStatus
    /// The pipeline step it is in.
    public var stage: PipelineStage
    /// Why the last attempt failed, or why the call waits.
    public var error: String?
    /// The language the caller gave, if any.
    public var languageHint: String?
    /// The dialog, for a text call (not loaded when listing).
    public var dialogText: String?
    /// The recording's URL, for a URL call.
    public var audioURL: String?
    /// A live call's transcript as the realtime provider gave it (not loaded when listing); `nil` when the recording
    /// is to be transcribed.
    public var liveTranscript: [Segment]?
    /// Where to report the result, if the caller asked.
    public var callbackURL: String?
    /// The metadata object as JSON text.
    public var metadataJSON: String
    /// How many times a worker has started on the call.
    public var attempts: Int
    /// When the call was accepted.
    public var createdAt: Date
    /// When its row last changed.
    public var updatedAt: Date
    /// When it was finished or given up.
    public var completedAt: Date?
    /// The result in brief, when the call was listed and has one.
    public var outcome: CallOutcome?
    /// `created_at` exactly as PostgreSQL printed it, for cursors that must compare equal.
    var createdAtText: String

    /// The columns ``init(row:)`` reads, for `SELECT` lists.
    static let columns = """
        id, external_id, manager_id, mode, source, status, stage, error, language_hint, dialog_text, audio_url,
        callback_url, metadata::text AS metadata, attempts, created_at, updated_at, completed_at,
        live_transcript::text AS live_transcript
        """

    init(row: PostgresRow) throws {
        guard let id = row["id"].uuid,
              let mode = row["mode"].string.flatMap(CallMode.init(rawValue:)),
              let source = row["source"].string.flatMap(CallSource.init(rawValue:)),
              let status = row["status"].string.flatMap(CallStatus.init(rawValue:)),
              let stage = row["stage"].string.flatMap(PipelineStage.init(rawValue:)),
              let createdAtText = row["created_at"].string,
              let createdAt = row["created_at"].date,
              let updatedAt = row["updated_at"].date
        else { throw CallStoreError.corruptRow("calls") }
        self.id = id
        self.externalID = row["external_id"].string
        self.managerID = row["manager_id"].string ?? ""
        self.mode = mode
        self.source = source
        self.status = status
        self.stage = stage
        self.error = row["error"].string
        self.languageHint = row["language_hint"].string
        self.dialogText = row["dialog_text"].string
        self.audioURL = row["audio_url"].string
        self.liveTranscript = try row["live_transcript"].string.map { text in
            try JSONDecoder().decode([Segment].self, from: Data(text.utf8))
        }
        self.callbackURL = row["callback_url"].string
        self.metadataJSON = row["metadata"].string ?? "{}"
        self.attempts = row["attempts"].int ?? 0
        self.createdAt = createdAt
        self.createdAtText = createdAtText
        self.updatedAt = updatedAt
        self.completedAt = row["completed_at"].date
    }
}
