import CallAuditCore
import CallStore
import Foundation
import Testing
import TestSupport

@Suite("Listing calls by their results against PostgreSQL")
struct CallListingTests {
    /// Seven analyzed calls with scores 10…70 (sentiment negative below 40, profanity on odd tens, Korean from 50)
    /// and one queued call without a result.
    static func withCalls(_ body: (CallRepository, [Int: UUID], UUID) async throws -> Void) async throws {
        try await CallRepositoryTests.withRepository { repository in
            var byScore: [Int: UUID] = [:]
            for score in stride(from: 10, through: 70, by: 10) {
                let call = CallRepositoryTests.textCall(manager: "anna")
                _ = try await repository.insert(call)
                var result = ResultFixture.result(score: score, sentiment: score < 40 ? -0.6 : 0.6, profanity: score % 20 == 10)
                result.totalScore = score
                if score >= 50 { result.language = "ko" }
                try await repository.saveResult(call.id, result: result, usage: [])
                byScore[score] = call.id
            }
            let waiting = CallRepositoryTests.textCall(manager: "boris")
            _ = try await repository.insert(waiting)
            try await body(repository, byScore, waiting.id)
        }
    }

    static func all(_ repository: CallRepository, _ filter: CallFilter, sort: CallSort = .newest, pageSize: Int = 50)
        async throws -> [CallRecord]
    {
        var calls: [CallRecord] = []
        var cursor: String?
        repeat {
            let page = try await repository.list(filter, sort: sort, limit: pageSize, cursor: cursor)
            calls += page.calls
            cursor = page.nextCursor
        } while cursor != nil
        return calls
    }

    @Test("score range, sentiment, profanity and language filter on the stored result; a call without one has no outcome")
    func filters() async throws {
        try await Self.withCalls { repository, byScore, waiting in
            let range = try await Self.all(repository, CallFilter(minScore: 30, maxScore: 50))
            #expect(Set(range.map(\.id)) == Set([30, 40, 50].compactMap { byScore[$0] }))
            #expect(range.allSatisfy { $0.outcome.map { (30...50).contains($0.totalScore) } == true })
            let negative = try await Self.all(repository, CallFilter(sentiment: .negative))
            #expect(Set(negative.map(\.id)) == Set([10, 20, 30].compactMap { byScore[$0] }))
            let profane = try await Self.all(repository, CallFilter(profanity: true))
            #expect(Set(profane.map(\.id)) == Set([10, 30, 50, 70].compactMap { byScore[$0] }))
            #expect(profane.allSatisfy { $0.outcome?.hasProfanity == true })
            let clean = try await Self.all(repository, CallFilter(profanity: false))
            #expect(Set(clean.map(\.id)) == Set([20, 40, 60].compactMap { byScore[$0] }))
            let korean = try await Self.all(repository, CallFilter(language: "ko"))
            #expect(Set(korean.map(\.id)) == Set([50, 60, 70].compactMap { byScore[$0] }))
            let combined = try await Self.all(repository, CallFilter(managerID: "anna", minScore: 20, sentiment: .positive, profanity: false))
            #expect(combined.map(\.id) == [60, 40].compactMap { byScore[$0] })
            let everything = try await Self.all(repository, CallFilter())
            #expect(everything.count == 8)
            #expect(everything.first { $0.id == waiting }?.outcome == nil)
            #expect(everything.first { $0.id == byScore[40] }?.outcome
                == CallOutcome(totalScore: 40, sentiment: .positive, hasProfanity: false, language: "en"))
        }
    }

    @Test("sorted by score either way, pages of two carry on without gaps or repeats; unanalyzed calls sort as lowest")
    func sortsByScore() async throws {
        try await Self.withCalls { repository, byScore, waiting in
            let descending = try await Self.all(repository, CallFilter(), sort: .scoreDescending, pageSize: 2)
            #expect(descending.map(\.id) == [70, 60, 50, 40, 30, 20, 10].compactMap { byScore[$0] } + [waiting])
            let ascending = try await Self.all(repository, CallFilter(), sort: .scoreAscending, pageSize: 3)
            #expect(ascending.map(\.id) == [waiting] + [10, 20, 30, 40, 50, 60, 70].compactMap { byScore[$0] })
            let oldest = try await Self.all(repository, CallFilter(), sort: .oldest, pageSize: 3)
            let newest = try await Self.all(repository, CallFilter(), sort: .newest, pageSize: 3)
            #expect(oldest.map(\.id) == newest.map(\.id).reversed())
            #expect(oldest.last?.id == waiting)
            let timeCursor = try #require(try await repository.list(CallFilter(), sort: .newest, limit: 2, cursor: nil).nextCursor)
            await #expect(throws: CallStoreError.self) {
                _ = try await repository.list(CallFilter(), sort: .scoreDescending, limit: 2, cursor: timeCursor)
            }
        }
    }
}
