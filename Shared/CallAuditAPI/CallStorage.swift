import CallAuditCore
import CallStore
import Foundation

/// What the API reads from and writes to the store of calls. `CallRepository` is it over PostgreSQL; tests give
/// stand-ins where they make a test clearer (a store that records what reaches it proves that bad input never does).
public protocol CallStorage: Sendable {
    /// Stores one call (a recording with it, in the same transaction); a repeat answers the stored call.
    func insert(_ call: NewCall) async throws -> StoredCall
    /// Stores calls without recordings, answering in the same order.
    func insert(_ calls: [NewCall]) async throws -> [StoredCall]
    /// Removes calls whose enqueue failed, unless a repeat was answered with them meanwhile; answers those removed.
    func withdraw(_ ids: [UUID]) async throws -> [UUID]
    /// A call by id.
    func find(_ id: UUID) async throws -> CallRecord?
    /// A finished call's result.
    func result(of id: UUID) async throws -> AnalysisResult?
    /// A call's uploaded recording: its name, type and size.
    func audio(of id: UUID) async throws -> UploadedAudio?
    /// Chunk `index` of a call's recording; `nil` past its end.
    func audioChunk(_ index: Int, of id: UUID) async throws -> [UInt8]?
    /// Stores one chunk of a recording as it streams in, under the id its call will have (again: replaces it).
    func storeAudioChunk(_ bytes: [UInt8], index: Int, of id: UUID) async throws
    /// Removes the chunks stored under `id` unless a stored call owns them.
    func discardAudio(of id: UUID) async throws
    /// A page of calls in `sort` order, each with its result in brief.
    func list(_ filter: CallFilter, sort: CallSort, limit: Int, cursor: String?) async throws -> CallPage
    /// One page of the managers' summaries over a period, sorted as asked.
    func managerPage(_ period: ReportPeriod, page: ManagerPageRequest) async throws -> ManagerPage
    /// One manager's report.
    func managerReport(_ managerID: String, period: ReportPeriod, bucket: TrendBucket, recentLimit: Int) async throws
        -> ManagerReport
    /// For each criterion of `keys`, the manager's call in the period where it scored lowest, with its quote.
    func weakestExamples(_ managerID: String, period: ReportPeriod, keys: [String]) async throws -> [CriterionExample]
    /// Applies a reviewer's change to an analyzed call and appends it to the audit trail.
    func review(_ id: UUID, change: ReviewChange, reason: String, reviewer: String) async throws -> CallReview
    /// A call's audit trail, oldest first, and the reviewer's notes.
    func reviews(of id: UUID) async throws -> (reviews: [CallReview], notes: String?)
    /// Records what providers billed for a call outside the worker (a live call's realtime transcription).
    func recordUsage(_ id: UUID, _ usage: [ProviderUsage]) async throws
    /// Gives dead-lettered calls a new start.
    func requeueFailed(_ ids: [UUID]) async throws
    /// A call's callback deliveries with their attempts.
    func callbacks(of callID: UUID) async throws -> [CallbackStatus]
    /// Gives a call's failed callback deliveries a new start; answers how many.
    func replayCallbacks(of callID: UUID) async throws -> Int
    /// The conversation `id` about `subject` (`nil` when there is none), or a new one when `id` is `nil`.
    func conversation(_ id: UUID?, about subject: ChatSubject) async throws -> UUID?
    /// Appends a question or an answer to a conversation; answers its id.
    @discardableResult
    func append(_ message: ChatRecord, to conversationID: UUID) async throws -> Int
    /// The conversations about `subject` (or only `id`), oldest first, with their messages.
    func conversations(about subject: ChatSubject, id: UUID?) async throws -> [ChatConversation]
    /// A manager's latest analyzed calls since `since`, newest first, with their results.
    func recentResults(of managerID: String, since: Date, limit: Int) async throws -> [(call: CallRecord, result: AnalysisResult)]
    /// Throws when the store cannot be reached.
    func ping() async throws
}

extension CallRepository: CallStorage {}
