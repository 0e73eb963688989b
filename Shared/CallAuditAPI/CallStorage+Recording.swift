import Foundation

extension CallStorage {
    /// Runs `body` with a new id to store a recording's chunks under as they arrive, which the call `body` stores
    /// takes as its own; afterwards, whatever happened (the call refused, a repeat of a stored one, a fault), the
    /// chunks no stored call took are removed.
    func withRecordingID<T>(_ body: (UUID) async throws -> T) async rethrows -> T {
        let id = UUID()
        do {
            let value = try await body(id)
            try? await discardAudio(of: id)
            return value
        } catch {
            try? await discardAudio(of: id)
            throw error
        }
    }
}
