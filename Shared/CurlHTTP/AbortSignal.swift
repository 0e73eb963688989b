import CCurl

/// A flag one thread raises to stop a transfer running on another: the transfer's progress callback reads it with an
/// atomic load (the C shim's `ca_abort`). Safe to share: its one field is only read and written through those atomic
/// functions, and the memory lives until the last reference, which the transfer holds while it runs.
final class AbortSignal: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<ca_abort>

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: ca_abort(aborted: 0))
    }

    deinit {
        pointer.deallocate()
    }

    /// Asks the transfer to stop.
    func request() {
        ca_abort_request(pointer)
    }

    /// Whether a stop was asked for.
    var isRequested: Bool {
        ca_abort_requested(pointer) != 0
    }
}
