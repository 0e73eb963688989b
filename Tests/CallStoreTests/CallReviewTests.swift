import CallAuditCore
import CallStore
import Foundation
import Testing
import TestSupport

@Suite("Reviews of results against PostgreSQL")
struct CallReviewTests {
    @Test("a reviewed score replaces the criterion's, the total follows from the weights, reports use it, the trail keeps the old")
    func score() async throws {
        try await CallRepositoryTests.withRepository { repository in
            var ids: [UUID] = []
            for _ in 0..<2 {
                let call = CallRepositoryTests.textCall(manager: "anna")
                _ = try await repository.insert(call)
                try await repository.saveResult(call.id, result: ResultFixture.result(score: 60), usage: [])
                ids.append(call.id)
            }
            let period = ReportPeriod(from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(60))
            #expect(try await repository.managerPage(period, page: ManagerPageRequest()).managers.first?.averageScore == 60)

            let review = try await repository.review(
                ids[0], change: .score(criterion: "needs_discovery", to: 100), reason: "the manager asked three questions", reviewer: "olga")
            #expect(review.criterion == "needs_discovery")
            #expect(review.oldScore == 60)
            #expect(review.newScore == 100)
            let result = try #require(try await repository.result(of: ids[0]))
            #expect(result.criteria.first { $0.key == "needs_discovery" }?.score == 100)
            let expected = Rubric.forMode(.manager).total(of: result.criteria)
            #expect(expected > 60)
            #expect(result.totalScore == expected)

            let anna = try #require(try await repository.managerPage(period, page: ManagerPageRequest()).managers.first)
            #expect(anna.averageScore == Double(expected + 60) / 2)
            #expect(anna.criteria.first { $0.key == "needs_discovery" }?.average == 80)
            #expect(anna.reviewedCalls == 1)

            let again = try await repository.review(
                ids[0], change: .score(criterion: "needs_discovery", to: 90), reason: "on second listen", reviewer: "ivan")
            #expect(again.oldScore == 100)
            let notes = try await repository.review(ids[0], change: .notes("Good call <b>"), reason: "coaching", reviewer: "olga")
            #expect(notes.oldNotes == nil)
            #expect(notes.newNotes == "Good call <b>")
            let trail = try await repository.reviews(of: ids[0])
            #expect(trail.reviews.map(\.reviewer) == ["olga", "ivan", "olga"])
            #expect(trail.reviews.map(\.oldScore) == [60, 100, nil])
            #expect(trail.notes == "Good call <b>")
            #expect(try await repository.reviews(of: ids[1]).reviews.isEmpty)
        }
    }

    @Test("an unknown criterion or a call without a result is refused and changes nothing")
    func refusals() async throws {
        try await CallRepositoryTests.withRepository { repository in
            let analyzed = CallRepositoryTests.textCall()
            _ = try await repository.insert(analyzed)
            try await repository.saveResult(analyzed.id, result: ResultFixture.result(score: 50), usage: [])
            await #expect(throws: CallStoreError.self) {
                _ = try await repository.review(analyzed.id, change: .score(criterion: "nonsense", to: 10), reason: "r", reviewer: "x")
            }
            let waiting = CallRepositoryTests.textCall()
            _ = try await repository.insert(waiting)
            await #expect(throws: CallStoreError.self) {
                _ = try await repository.review(waiting.id, change: .notes("n"), reason: "r", reviewer: "x")
            }
            #expect(try await repository.reviews(of: analyzed.id).reviews.isEmpty)
            #expect(try await repository.result(of: analyzed.id)?.totalScore == 50)
        }
    }
}
