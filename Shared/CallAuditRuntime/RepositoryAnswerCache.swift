import CallStore
import Providers

/// The provider answer cache in PostgreSQL (`provider_cache`), shared by every worker.
public struct RepositoryAnswerCache: ProviderAnswerCache {
    let repository: CallRepository

    /// A cache in `repository`'s database.
    public init(repository: CallRepository) {
        self.repository = repository
    }

    public func answers(for keys: [String]) async throws -> [String: [UInt8]] {
        try await repository.cachedAnswers(keys)
    }

    public func store(_ answer: [UInt8], key: String, step: String) async throws {
        try await repository.storeAnswer(answer, key: key, step: step)
    }
}
