import CallStore

/// The answers a ``RepositoryAnswerCache`` has queued and is writing, and who waits for the writing to end.
struct AnswerCacheQueue {
    /// What a store does with its answer.
    enum Admission: Equatable {
        /// Queued; `startsWriter` when no writer runs and the caller must start one.
        case queued(startsWriter: Bool)
        /// The queue is full: the caller writes its answer itself.
        case full
    }

    /// What the writer does next.
    enum Step {
        /// Write these answers.
        case write([CachedAnswer])
        /// Nothing is left: the writer ends and resumes these waiters.
        case idle([CheckedContinuation<Void, Never>])
    }

    private var queued: [String: CachedAnswer] = [:]
    private var inFlight: [String: CachedAnswer] = [:]
    /// Whether a writer runs (and so whether anything is queued or being written).
    private(set) var writing = false
    var idleWaiters: [CheckedContinuation<Void, Never>] = []

    /// The queued or in-flight answers among `keys`.
    func answers(for keys: [String]) -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for key in keys {
            if let entry = queued[key] ?? inFlight[key] { found[key] = entry.answer }
        }
        return found
    }

    /// Queues `entry` unless `limit` answers already wait; the first answer for a key stays.
    mutating func enqueue(_ entry: CachedAnswer, limit: Int) -> Admission {
        guard queued.count < limit else { return .full }
        if queued[entry.key] == nil && inFlight[entry.key] == nil { queued[entry.key] = entry }
        defer { writing = true }
        return .queued(startsWriter: !writing)
    }

    /// Ends the batch just written and hands out the next one: everything queued meanwhile.
    mutating func nextBatch() -> Step {
        inFlight = queued
        queued = [:]
        guard inFlight.isEmpty else { return .write(Array(inFlight.values)) }
        writing = false
        defer { idleWaiters = [] }
        return .idle(idleWaiters)
    }
}
