import CallAuditCore
import Providers
import Synchronization

/// An analyst that holds every request until the test lets some through, then answers as the local analyst does. A
/// held request that is cancelled ends with `CancellationError`, as an aborted HTTP request does.
final class GatedAnalyst: Analyst {
    let provider = "stub"
    let model = "stub-gated"
    let cacheable = false
    private let state = Mutex(GateState())

    /// Requests received so far, held or not.
    var received: Int { state.withLock { $0.received } }

    /// Lets `count` requests through: the oldest held ones first, then later arrivals.
    func admit(_ count: Int) {
        let admitted = state.withLock { state in
            state.permits += count
            let passing = min(state.permits, state.held.count)
            state.permits -= passing
            defer { state.held.removeFirst(passing) }
            return state.held.prefix(passing).map { $0.continuation }
        }
        for continuation in admitted { continuation.resume() }
    }

    func analyze(_ request: AnalysisRequest) async throws -> ProviderReply<AnalysisResult> {
        let number = state.withLock { state in
            state.received += 1
            return state.received
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let passes = state.withLock { state -> Bool? in
                    if Task.isCancelled { return false }
                    if state.permits > 0 {
                        state.permits -= 1
                        return true
                    }
                    state.held.append((number, continuation))
                    return nil
                }
                switch passes {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let index = state.held.firstIndex(where: { $0.number == number }) else { return nil }
                return state.held.remove(at: index).continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
        return try await LocalAnalyst().analyze(request)
    }
}

/// The requests a ``GatedAnalyst`` holds and the passes it has left.
struct GateState {
    var received = 0
    var permits = 0
    var held: [(number: Int, continuation: CheckedContinuation<Void, any Error>)] = []
}
