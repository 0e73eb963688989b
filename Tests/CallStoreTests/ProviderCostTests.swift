import CallAuditCore
import CallStore
import Foundation
import Testing
import TestSupport

/// Provider requests are paid for whether or not the attempt finished the call: all of them count.
@Suite("Provider usage and cost in PostgreSQL")
struct ProviderCostTests {
    @Test("requests of a failed attempt are recorded and counted in the call's result, its cost and the manager's report")
    func failedAttemptsCount() async throws {
        try await CallRepositoryTests.withRepository { repository in
            let call = CallRepositoryTests.textCall(manager: "cost-m")
            _ = try await repository.insert(call)
            try await repository.recordUsage(call.id, [
                ProviderUsage(step: "analysis", provider: "openai", model: "gpt-4o-mini", httpStatus: 500, costUSD: 0),
                ProviderUsage(step: "analysis", provider: "openai", model: "gpt-4o-mini", httpStatus: 200, inputTokens: 900,
                              outputTokens: 7, costUSD: 0.010),
            ])
            let usage = [ProviderUsage(step: "analysis", provider: "azure", model: "chat", httpStatus: 200, costUSD: 0.025)]
            try await repository.saveResult(call.id, result: ResultFixture.result(score: 70), usage: usage)
            let result = try #require(try await repository.result(of: call.id))
            #expect(result.providerCalls?.map(\.provider) == ["openai", "openai", "azure"])
            #expect(result.providerCalls?.map(\.httpStatus) == [500, 200, 200])
            #expect(result.providerCalls?[1].inputTokens == 900)
            #expect(result.costUSD == 0.035)
            try await repository.saveResult(call.id, result: ResultFixture.result(score: 70), usage: [])
            #expect(try await repository.result(of: call.id)?.providerCalls?.count == 3)

            let period = ReportPeriod(from: Date().addingTimeInterval(-3600), to: Date().addingTimeInterval(60))
            let summary = try #require(try await repository.managerSummaries(period).first { $0.managerID == "cost-m" })
            #expect(summary.costUSD == 0.035)
            let answers = try await repository.cachedAnswers(["a1", "b2"])
            #expect(answers.isEmpty)
            let quoted = #"{"q": "say \"hi\" \\ привет 안녕"}"#
            try await repository.storeAnswers([
                CachedAnswer(key: "a1", step: "analysis", answer: Array(#"{"x": 1}"#.utf8)),
                CachedAnswer(key: "b2", step: "transcription", answer: Array(quoted.utf8)),
            ])
            try await repository.storeAnswers([CachedAnswer(key: "a1", step: "analysis", answer: Array(#"{"x": 2}"#.utf8))])
            #expect(try await repository.cachedAnswers(["a1", "b2", "c3"]).mapValues { String(decoding: $0, as: UTF8.self) }
                == ["a1": #"{"x": 1}"#, "b2": quoted], "a batch keeps quotes, backslashes and Unicode; the first answer stays")
        }
    }

    @Test("a NUL in a provider's text is dropped, and a result PostgreSQL cannot hold fails only its own call")
    func unstorableResults() async throws {
        try await CallRepositoryTests.withRepository { repository in
            let calls = (0..<3).map { _ in CallRepositoryTests.textCall(manager: "store-m") }
            for call in calls { _ = try await repository.insert(call) }
            var withNUL = ResultFixture.result(score: 60)
            withNUL.summary = "before\u{0}after \\u0000 stays"
            let huge = [ProviderUsage(step: "analysis", provider: "openai", inputTokens: Int(Int32.max) + 1)]
            let outcomes = try await repository.saveResultsApart([
                FinishedCall(id: calls[0].id, result: withNUL, usage: []),
                FinishedCall(id: calls[1].id, result: ResultFixture.result(score: 50), usage: huge),
                FinishedCall(id: calls[2].id, result: ResultFixture.result(score: 40), usage: []),
            ])
            #expect(outcomes.map { (try? $0.get()) != nil } == [true, false, true])
            if case .failure(let error) = outcomes[1] {
                #expect("\(error)".hasPrefix("the result cannot be stored"))
            }
            #expect(try await repository.result(of: calls[0].id)?.summary == "beforeafter \\u0000 stays")
            #expect(try await repository.result(of: calls[1].id) == nil)
            #expect(try await repository.result(of: calls[2].id)?.totalScore == ResultFixture.result(score: 40).totalScore)
        }
    }
}
