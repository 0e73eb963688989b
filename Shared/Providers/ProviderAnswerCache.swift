/// Where paid answers are kept by content: identical audio or text with the same provider, model and prompt
/// version is served from here with no request (DESIGN.md §3).
public protocol ProviderAnswerCache: Sendable {
    /// The stored answers among `keys`, by key.
    func answers(for keys: [String]) async throws -> [String: [UInt8]]
    /// Keeps `answer` (JSON) under `key`. The cache may write it after this returns; `answers(for:)` sees it at once.
    func store(_ answer: [UInt8], key: String, step: String) async throws
}
