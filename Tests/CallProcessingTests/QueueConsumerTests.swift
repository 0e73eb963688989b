import CallAuditCore
import CallAuditRuntime
import Testing
import TestSupport

@testable import CallProcessing

@Suite("The consumer: a slot freed is refilled at once; shutdown stops fetching, then aborts what outlives the grace")
struct QueueConsumerTests {
    @Test("one call ending refills its slot while the others still run; never more calls in flight than slots")
    func refillsAtOnce() async throws {
        let analyst = GatedAnalyst()
        try await ProcessingHarness.with(analysts: [analyst], environment: ["WORKER_CONCURRENCY": "8"]) { harness in
            let ids = try await harness.enqueue(12)
            let slots = WorkSlots(capacity: 8)
            let consuming = Task { await harness.consumer().consume(slots: slots) }
            #expect(try await eventually { analyst.received == 8 })
            analyst.admit(1)
            #expect(try await eventually { analyst.received == 9 }, "the freed slot is refilled while 7 calls still run")
            analyst.admit(1)
            #expect(try await eventually { analyst.received == 10 })
            // A call hands its slot on before its save and ack, so those two finish a moment after the refills.
            #expect(try await eventually { try await harness.count(.done, of: ids) == 2 })
            #expect(try await eventually { try await harness.queue.stats().pending == 8 }, "8 in flight, not one more")
            #expect(analyst.received == 10, "nothing fetched beyond the freed slots")
            slots.close()
            analyst.admit(100)
            await consuming.value
            #expect(analyst.received == 10, "nothing fetched after the slots closed")
            #expect(try await harness.count(.done, of: ids) == 10)
        }
    }

    @Test("at 32 slots two calls are claimed ahead: a freed slot starts one of them, and shutdown leaves them pending, never started")
    func claimsAhead() async throws {
        let analyst = GatedAnalyst()
        try await ProcessingHarness.with(analysts: [analyst], environment: ["WORKER_CONCURRENCY": "32"]) { harness in
            #expect(QueueConsumer.readAhead(slots: 32) == 2 && QueueConsumer.readAhead(slots: 15) == 0)
            let ids = try await harness.enqueue(40)
            let slots = WorkSlots(capacity: 32)
            let consuming = Task { await harness.consumer().consume(slots: slots) }
            #expect(try await eventually { try await harness.count(.processing, of: ids) == 34 }, "32 in flight and 2 ahead")
            #expect(try await eventually { analyst.received == 32 })
            #expect(try await harness.queue.stats().pending == 34)
            analyst.admit(1)
            #expect(try await eventually { analyst.received == 33 }, "the freed slot started a call claimed ahead")
            #expect(try await eventually { try await harness.count(.done, of: ids) == 1 })
            #expect(try await eventually { try await harness.count(.processing, of: ids) == 34 }, "and one more was claimed")
            #expect(analyst.received == 33, "never more calls in flight than slots")
            slots.close()
            analyst.admit(100)
            await consuming.value
            #expect(analyst.received == 33, "the two claimed ahead were never started")
            #expect(try await harness.count(.done, of: ids) == 33)
            #expect(try await harness.count(.processing, of: ids) == 2)
            let stats = try await harness.queue.stats()
            #expect(stats.pending == 2 && stats.lag == 5, "the two stay pending for another worker; five were never fetched")
        }
    }

    @Test("a call whose attempt is over hands its slot on while its result waits for the database; with every finishing slot taken, calls keep theirs")
    func handsOverWhileSaving() async throws {
        let analyst = GatedAnalyst()
        try await ProcessingHarness.with(analysts: [analyst], environment: ["WORKER_CONCURRENCY": "2"]) { harness in
            let ids = try await harness.enqueue(8)
            let postgres = harness.clients.postgres
            let lockHolder = "SELECT pid FROM pg_locks WHERE relation = 'call_results'::regclass AND mode = 'ExclusiveLock' AND granted"
            let holding = Task {
                try await postgres.transaction { connection in
                    try connection.query("LOCK TABLE call_results IN EXCLUSIVE MODE")
                    try connection.query("SELECT pg_sleep(60)")
                }
            }
            #expect(try await eventually { try await postgres.query(lockHolder).rows.count == 1 }, "every save now waits")
            let slots = WorkSlots(capacity: 2)
            let consuming = Task { await harness.consumer().consume(slots: slots) }
            #expect(try await eventually { analyst.received == 2 })
            analyst.admit(2)
            #expect(try await eventually { analyst.received == 4 }, "both slots went on to new calls while two results wait")
            analyst.admit(2)
            try await Task.sleep(for: .milliseconds(300))
            #expect(analyst.received == 4, "both finishing slots are taken: the next two calls save on their own slots")
            #expect(try await harness.count(.done, of: ids) == 0)
            _ = try await postgres.query("SELECT pg_cancel_backend(pid) FROM (\(lockHolder)) AS holder")
            _ = try? await holding.value
            #expect(try await eventually { try await harness.count(.done, of: ids) == 4 })
            #expect(try await eventually { analyst.received == 6 })
            analyst.admit(100)
            #expect(try await eventually { try await harness.count(.done, of: ids) == 8 })
            slots.close()
            await consuming.value
            #expect(try await harness.queue.stats().pending == 0, "every entry acked")
        }
    }

    @Test("graceful shutdown stops fetching at once; the calls in flight finish within the grace and are acked")
    func stopsFetching() async throws {
        let analyst = GatedAnalyst()
        try await ProcessingHarness.with(analysts: [analyst], environment: ["WORKER_CONCURRENCY": "2"]) { harness in
            let ids = try await harness.enqueue(3)
            let slots = WorkSlots(capacity: 2)
            let consuming = Task { await harness.consumer().consume(slots: slots) }
            #expect(try await eventually { analyst.received == 2 })
            slots.close()
            analyst.admit(2)
            await consuming.value
            #expect(try await harness.count(.done, of: ids) == 2)
            let stats = try await harness.queue.stats()
            #expect(stats.pending == 0 && stats.lag == 1, "the third call was never fetched: it waits for the next worker")
        }
    }

    @Test("past the grace, calls in flight are aborted and left pending, neither acked nor failed; another worker finishes them")
    func abortsAfterGrace() async throws {
        let analyst = GatedAnalyst()
        try await ProcessingHarness.with(analysts: [analyst], environment: [
            "WORKER_CONCURRENCY": "2", "WORKER_SHUTDOWN_GRACE_SECONDS": "0", "JOB_VISIBILITY_TIMEOUT_SECONDS": "1",
            "FETCH_BLOCK_MILLISECONDS": "100",
        ]) { harness in
            let ids = try await harness.enqueue(2)
            let slots = WorkSlots(capacity: 2)
            let consuming = Task { await harness.consumer().consume(slots: slots) }
            #expect(try await eventually { analyst.received == 2 })
            slots.close()
            await consuming.value
            #expect(try await harness.count(.processing, of: ids) == 2)
            let stats = try await harness.queue.stats()
            #expect(stats.pending == 2 && stats.delayed == 0 && stats.deadLetters == 0)

            analyst.admit(2)
            let rescue = WorkSlots(capacity: 2)
            let rescuing = Task { await harness.consumer(named: "next-worker").consume(slots: rescue) }
            #expect(try await eventually { try await harness.count(.done, of: ids) == 2 }, "reclaimed after the visibility timeout")
            rescue.close()
            await rescuing.value
            #expect(try await harness.queue.stats().pending == 0)
            #expect(analyst.received == 4)
        }
    }
}
