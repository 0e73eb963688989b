import CallAuditRuntime
import CallStore
import Logging
import ServiceLifecycle
import TestSupport
import Testing

/// The answer cache writes behind the calls that paid for its answers, against a real PostgreSQL.
@Suite("The answer cache writes behind the calls")
struct RepositoryAnswerCacheTests {
    static let logger = Logger(label: "answer-cache")

    static func answer(_ index: Int) -> [UInt8] { Array(#"{"score": \#(index)}"#.utf8) }

    static func withRepository(_ body: (CallRepository) async throws -> Void) async throws {
        try await TestDatabase.with { url in
            try await TestClients.with(databaseURL: url) { clients in
                let repository = CallRepository(pool: clients.postgres)
                try await repository.migrate(logger: logger)
                try await body(repository)
            }
        }
    }

    @Test("stored answers are found at once, before and after their write; all of them reach PostgreSQL")
    func writesBehind() async throws {
        try await Self.withRepository { repository in
            let cache = RepositoryAnswerCache(repository: repository, logger: Self.logger)
            let keys = (0..<200).map { "key-\($0)" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, key) in keys.enumerated() {
                    group.addTask { try await cache.store(Self.answer(index), key: key, step: "analysis") }
                }
                try await group.waitForAll()
            }
            #expect(try await cache.answers(for: keys).count == 200, "queued, in flight or written, every answer is found")
            await cache.written()
            let stored = try await repository.cachedAnswers(keys + ["absent"])
            #expect(stored.count == 200)
            #expect(stored["key-7"] == Self.answer(7))
            try await cache.store(Self.answer(0), key: "key-7", step: "analysis")
            await cache.written()
            #expect(try await repository.cachedAnswers(["key-7"])["key-7"] == Self.answer(7), "the first answer for a key stays")
        }
    }

    @Test("what is still queued when graceful shutdown begins is written before the service ends")
    func flushesOnShutdown() async throws {
        try await Self.withRepository { repository in
            let cache = RepositoryAnswerCache(repository: repository, logger: Self.logger)
            let group = ServiceGroup(services: [cache], gracefulShutdownSignals: [], logger: Self.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                for index in 0..<50 { try await cache.store(Self.answer(index), key: "shutdown-\(index)", step: "analysis") }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(try await repository.cachedAnswers((0..<50).map { "shutdown-\($0)" }).count == 50)
        }
    }

    @Test("a batch PostgreSQL refuses is logged and dropped: the writer ends, and the next answers are kept")
    func refusedBatch() async throws {
        try await Self.withRepository { repository in
            let cache = RepositoryAnswerCache(repository: repository, logger: Self.logger)
            try await cache.store(Array("{not json".utf8), key: "broken", step: "analysis")
            await cache.written()
            #expect(try await repository.cachedAnswers(["broken"]).isEmpty)
            try await cache.store(Self.answer(1), key: "after", step: "analysis")
            await cache.written()
            #expect(try await repository.cachedAnswers(["after"]) == ["after": Self.answer(1)])
        }
    }
}
