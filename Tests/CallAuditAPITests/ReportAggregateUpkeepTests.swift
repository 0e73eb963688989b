import CallStore
import Foundation
import Logging
import ServiceLifecycle
import Testing
import TestSupport

@testable import CallAuditAPI

/// The ingest's backfill service on a real database: it counts stored results into emptied aggregates while the
/// reports keep answering the same, and then stays up until the shutdown.
@Suite("Report aggregates' backfill as a service")
struct ReportAggregateBackfillTests {
    @Test("results stored before the aggregates: the reports are the same before and after the service counted them in, and the service waits for the shutdown once done")
    func countsThenWaits() async throws {
        try await IngestHarness.with { harness, client in
            for (manager, score) in [("anna", 90), ("anna", 70), ("boris", 20), ("chen", 55), ("dina", 35)] {
                try await ReportsTests.store(harness, manager: manager, score: score)
            }
            let postgres = harness.clients.postgres
            try await postgres.query("TRUNCATE report_days, report_criterion_totals, report_series")
            try await postgres.query("UPDATE report_backfill SET finished_at = NULL, after_manager = NULL")
            let scanned = try #require(try await client.get("/v1/reports/managers?sort=average").json["managers"] as? [[String: Any]])
            #expect(scanned.count == 4 && scanned.first?["manager_id"] as? String == "anna", "highest average first")

            let backfill = ReportAggregateBackfill(backends: harness.backends, logger: Logger(label: "backfill-test"),
                                                   managersPerStep: 1)
            let group = ServiceGroup(configuration: .init(services: [.init(service: backfill)], logger: Logger(label: "backfill-test")))
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
