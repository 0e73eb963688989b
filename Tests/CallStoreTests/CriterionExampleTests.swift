import CallAuditCore
import CallStore
import Foundation
import Testing
import TestSupport

@Suite("Examples of a manager's weakest criteria against PostgreSQL")
struct CriterionExampleTests {
    @Test("each criterion's lowest-scoring call with a quote, of this manager and period only")
    func weakest() async throws {
        try await CallRepositoryTests.withRepository { repository in
            var ids: [String: UUID] = [:]
            for (name, manager, score, evidence) in [("30", "anna", 30, "q30"), ("10", "anna", 10, nil), ("20", "anna", 20, "q20"),
                                                     ("5", "boris", 5, "b5")] as [(String, String, Int, String?)] {
                let call = CallRepositoryTests.textCall(manager: manager)
                _ = try await repository.insert(call)
                var result = ResultFixture.result(score: 60)
                let index = try #require(result.criteria.firstIndex { $0.key == "needs_discovery" })
                result.criteria[index].score = score
                result.criteria[index].evidence = evidence
                try await repository.saveResult(call.id, result: result, usage: [])
                ids[name] = call.id
            }
            let period = ReportPeriod(from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(60))
            let examples = try await repository.weakestExamples("anna", period: period, keys: ["needs_discovery", "rapport"])
            let discovery = try #require(examples.first { $0.key == "needs_discovery" })
            #expect(discovery == CriterionExample(key: "needs_discovery", callID: try #require(ids["20"]), score: 20, evidence: "q20"))
            #expect(examples.first { $0.key == "rapport" }?.score == 60)
            #expect(examples.count == 2)
            let earlier = ReportPeriod(from: Date().addingTimeInterval(-7200), to: Date().addingTimeInterval(-3600))
            #expect(try await repository.weakestExamples("anna", period: earlier, keys: ["needs_discovery"]).isEmpty)
            #expect(try await repository.weakestExamples("anna", period: period, keys: []).isEmpty)
        }
    }
}
