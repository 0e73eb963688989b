import Synchronization

/// Turns many concurrent single writes into few batched ones: callers that arrive while batches are being written
/// wait and go together in the next batch, with at most `maxWriters` batches in flight and `maxBatch` items in each.
/// Alone, an item is written at once; under load, one round trip serves many callers.
public final class BatchCoalescer<Input: Sendable, Output: Sendable>: Sendable {
    /// Writes a batch and answers one result per input, in order; a thrown error fails the whole batch.
    public typealias Write = @Sendable ([Input]) async throws -> [Result<Output, any Error>]

    private let maxBatch: Int
    private let maxWriters: Int
    private let write: Write
    private let state = Mutex(CoalescerState<Input, Output>())

    /// Creates a coalescer around `write`.
    public init(maxBatch: Int, maxWriters: Int, write: @escaping Write) {
        self.maxBatch = max(1, maxBatch)
        self.maxWriters = max(1, maxWriters)
        self.write = write
    }

    /// Writes `input` in the next batch and answers its result.
    public func submit(_ input: Input) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            let startsWriter = state.withLock { state in
                state.waiting.append((input, continuation))
                guard state.writers < maxWriters else { return false }
                state.writers += 1
                return true
            }
            if startsWriter { Task { await self.drain() } }
        }
    }

    /// Writes batches until nothing waits.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [(Input, CheckedContinuation<Output, any Error>)] in
                let batch = Array(state.waiting.prefix(maxBatch))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.writers -= 1 }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                let results = try await write(batch.map(\.0))
                for (index, waiting) in batch.enumerated() {
                    waiting.1.resume(with: index < results.count ? results[index] : .failure(BatchCoalescerMissingResult()))
                }
            } catch {
                for waiting in batch { waiting.1.resume(throwing: error) }
            }
        }
    }
}

/// The items waiting for a batch and the number of batches being written.
struct CoalescerState<Input, Output> {
    var waiting: [(Input, CheckedContinuation<Output, any Error>)] = []
    var writers = 0
}

/// A batch write answered fewer results than it was given inputs.
public struct BatchCoalescerMissingResult: Error {}
