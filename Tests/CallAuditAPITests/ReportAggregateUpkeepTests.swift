import CallStore
import Foundation
import Logging
import ServiceLifecycle
import Testing
import TestSupport

@testable import CallAuditAPI

/// The ingest's upkeep of the report aggregates on a real database: it counts stored results into emptied aggregates
/// while the reports keep answering the same, then folds the changes that new saves queue, until the
/// shutdown.
@Suite("Report aggregates' upkeep as a service")
struct ReportAggregateUpkeepTests {
    @Test("results stored before the aggregates: the reports are the same before and after the service counted them in; then it folds what new saves queue, and runs until the shutdown")
    func countsThenWaits() async throws {
        try await IngestHarness.with { harness, client in
            for (manager, score) in [("anna", 90), ("anna", 70), ("boris", 20), ("chen", 55), ("dina", 35)] {
                try await ReportsTests.store(harness, manager: manager, score: score)
            }
            let postgres = harness.clients.postgres
            try await postgres.query("TRUNCATE report_days, report_criterion_totals, report_series, report_day_changes, report_criterion_changes")
            try await postgres.query("UPDATE report_backfill SET finished_at = NULL, after_manager = NULL")
            let scanned = try #require(try await client.get("/v1/reports/managers?sort=average").json["managers"] as? [[String: Any]])
            #expect(scanned.count == 4 && scanned.first?["manager_id"] as? String == "anna", "highest average first")

            let upkeep = ReportAggregateUpkeep(backends: harness.backends, logger: Logger(label: "upkeep-test"),
                                               managersPerStep: 1, foldInterval: .milliseconds(50))
            let group = ServiceGroup(configuration: .init(services: [.init(service: upkeep)], logger: Logger(label: "upkeep-test")))
            let ended = EndFlag()
            let running = Task {
                try await group.run()
                await ended.set()
            }
            let finished = "SELECT count(*) AS n FROM report_backfill WHERE finished_at IS NOT NULL AND after_manager = 'dina'"
            #expect(try await eventually { try await postgres.query(finished).first?["n"].int == 1 }, "four steps, then finished")
            #expect(try await postgres.query("SELECT count(DISTINCT manager_id) AS n FROM report_days").first?["n"].int == 4)
            let counted = try #require(try await client.get("/v1/reports/managers?sort=average").json["managers"] as? [[String: Any]])
            #expect((counted as NSArray).isEqual(to: scanned), "the same report, now from the aggregates")

            let queued = "SELECT (SELECT count(*) FROM report_day_changes) + (SELECT count(*) FROM report_criterion_changes) AS n"
            try await ReportsTests.store(harness, manager: "boris", score: 100)
            #expect(try await eventually { try await postgres.query(queued).first?["n"].int == 0 }, "the new result and scores are folded")
            let day = "SELECT sum(calls) AS n FROM report_days WHERE manager_id = 'boris' AND mode = 'manager'"
            #expect(try await postgres.query(day).first?["n"].int == 2, "into boris's day row")
            let totals = "SELECT count(*) AS n FROM report_criterion_totals WHERE manager_id = 'boris'"
            #expect(try await postgres.query(totals).first?["n"].int == 1, "and running totals")
            let summary = try #require(try await client.get("/v1/reports/managers/boris").json["summary"] as? [String: Any])
            let folded = try #require(summary["criteria"] as? [[String: Any]])
            #expect(!folded.isEmpty && folded.allSatisfy { ($0["calls"] as? Int) == 2 }, "both of boris's calls in every criterion")

            try await Task.sleep(for: .milliseconds(300))
            #expect(await !ended.value, "a service that returns ends the ingest's other services with it")
            await group.triggerGracefulShutdown()
            try await running.value
            #expect(await ended.value)
        }
    }
}

/// Whether a task has ended.
private actor EndFlag {
    var value = false

    func set() {
        value = true
    }
}
