import CallAuditCore
import CallQueue
import CallStore
import Foundation
import Providers
import Synchronization

@testable import CallAuditAPI

/// A store that keeps what reaches it in memory: a test reads whether bad input ever got this far. `failure`, when
/// set, is what every call throws (a database that is down).
final class RecordingCallStorage: CallStorage {
    private let inserted = Mutex<[NewCall]>([])
    private let withdrawn = Mutex<[UUID]>([])
    private let chunks = Mutex<[UUID: [Int: [UInt8]]]>([:])
    let failure: (any Error & Sendable)?
    /// What the per-manager report answers; unset, the report is not expected to be asked for.
    let managers: ManagerPage?

    init(failing failure: (any Error & Sendable)? = nil, managers: ManagerPage? = nil) {
        self.failure = failure
        self.managers = managers
    }

    var insertedCalls: [NewCall] { inserted.withLock { $0 } }
    var withdrawnIDs: [UUID] { withdrawn.withLock { $0 } }
    /// Bytes of recordings stored and not discarded.
    var storedAudioBytes: Int { chunks.withLock { $0.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.count } } } }

    func insert(_ call: NewCall) async throws -> StoredCall {
        try await insert([call])[0]
    }

    func insert(_ calls: [NewCall]) async throws -> [StoredCall] {
        if let failure { throw failure }
        inserted.withLock { $0 += calls }
        return calls.map { StoredCall(id: $0.id, status: .queued, created: true) }
    }

    func withdraw(_ ids: [UUID]) async throws -> [UUID] {
        withdrawn.withLock { $0 += ids }
        return ids
    }

    func find(_ id: UUID) async throws -> CallRecord? {
        if let failure { throw failure }
        return nil
    }

    func result(of id: UUID) async throws -> AnalysisResult? { nil }
    func audio(of id: UUID) async throws -> UploadedAudio? { nil }
    func audioChunk(_ index: Int, of id: UUID) async throws -> [UInt8]? { chunks.withLock { $0[id]?[index] } }
    func storeAudioChunk(_ bytes: [UInt8], index: Int, of id: UUID) async throws {
        if let failure { throw failure }
        chunks.withLock { $0[id, default: [:]][index] = bytes }
    }
    func discardAudio(of id: UUID) async throws {
        let owned = inserted.withLock { $0.contains { $0.id == id && $0.audio != nil } }
        if !owned { _ = chunks.withLock { $0.removeValue(forKey: id) } }
    }
    func list(_ filter: CallFilter, sort: CallSort, limit: Int, cursor: String?) async throws -> CallPage {
        throw StandInUnused()
    }
    func managerPage(_ period: ReportPeriod, page: ManagerPageRequest) async throws -> ManagerPage {
        guard let managers else { throw StandInUnused() }
        return managers
    }
    func managerReport(_ managerID: String, period: ReportPeriod, bucket: TrendBucket, recentLimit: Int) async throws
        -> ManagerReport { throw StandInUnused() }
    func recordUsage(_ id: UUID, _ usage: [ProviderUsage]) async throws { throw StandInUnused() }
    func requeueFailed(_ ids: [UUID]) async throws { throw StandInUnused() }
    func callbacks(of callID: UUID) async throws -> [CallbackStatus] { throw StandInUnused() }
    func replayCallbacks(of callID: UUID) async throws -> Int { throw StandInUnused() }
    func conversation(_ id: UUID?, about subject: ChatSubject) async throws -> UUID? { throw StandInUnused() }
    func append(_ message: ChatRecord, to conversationID: UUID) async throws -> Int { throw StandInUnused() }
    func conversations(about subject: ChatSubject, id: UUID?) async throws -> [ChatConversation] { throw StandInUnused() }
    func recentResults(of managerID: String, since: Date, limit: Int) async throws -> [(call: CallRecord, result: AnalysisResult)] {
        throw StandInUnused()
    }
    func review(_ id: UUID, change: ReviewChange, reason: String, reviewer: String) async throws -> CallReview {
        throw StandInUnused()
    }
    func reviews(of id: UUID) async throws -> (reviews: [CallReview], notes: String?) { throw StandInUnused() }
    func weakestExamples(_ managerID: String, period: ReportPeriod, keys: [String]) async throws -> [CriterionExample] {
        throw StandInUnused()
    }

    func ping() async throws {
        if let failure { throw failure }
    }
}

/// A queue that keeps the ids it was given; `failure`, when set, is what every call throws (Redis is down).
final class RecordingWorkQueue: WorkQueue {
    private let enqueued = Mutex<[UUID]>([])
    let failure: (any Error & Sendable)?

    init(failing failure: (any Error & Sendable)? = nil) {
        self.failure = failure
    }

    var enqueuedIDs: [UUID] { enqueued.withLock { $0 } }

    func enqueue(_ callIDs: [UUID]) async throws {
        if let failure { throw failure }
        enqueued.withLock { $0 += callIDs }
    }

    func deadLetters(limit: Int) async throws -> [DeadLetter] { [] }
    func replay(deadLetterID: String) async throws -> UUID? { nil }
    func stats() async throws -> QueueStats { throw StandInUnused() }

    func ping() async throws {
        if let failure { throw failure }
    }
}

/// No worker has published the providers' state.
struct NoProviderStatus: ProviderStatusSource {
    func read() async throws -> [ProviderStatus] { [] }
}

/// A stand-in was asked for something its test does not use.
struct StandInUnused: Error {}
