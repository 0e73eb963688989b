import CallQueue
import Foundation
import Logging
import NIOPosix
import RedisClient
import Testing
import TestSupport

@Suite("JobQueue against Redis")
struct JobQueueTests {
    static func withQueue(
        redisURL: String = TestEnvironment.redisURL, visibility: Duration = .seconds(300),
        _ body: (JobQueue) async throws -> Void
    ) async throws {
        let redis = RedisClient(
            configuration: try RedisConfiguration(url: redisURL), poolSize: 4,
            threadPool: TestThreadPool.shared, logger: Logger(label: "test"))
        let configuration = QueueConfiguration(
            keyPrefix: TestEnvironment.uniquePrefix("queue"), visibilityTimeout: visibility, maxAttempts: 3,
            retryBaseDelay: .milliseconds(100))
        let queue = JobQueue(redis: redis, configuration: configuration)
        try await queue.ensureGroup()
        do {
            try await body(queue)
        } catch {
            try? await Self.dropKeys(queue)
            await redis.close()
            throw error
        }
        try await Self.dropKeys(queue)
        await redis.close()
    }

    static func dropKeys(_ queue: JobQueue) async throws {
        let c = queue.configuration
        _ = try await queue.redis.send(["DEL", c.streamKey, c.delayedKey, c.deadLetterKey, c.inFlightKey, c.sweepLockKey])
    }

    @Test("an enqueued call is fetched once, and completing it acks it and forgets it")
    func enqueueFetchComplete() async throws {
        try await Self.withQueue { queue in
            let ids = [UUID(), UUID(), UUID()]
            try await queue.enqueue(ids)
            let first = try await queue.fetch(consumer: "w1", count: 2, block: .milliseconds(100))
            #expect(first.map(\.callID) == Array(ids.prefix(2)))
            let second = try await queue.fetch(consumer: "w2", count: 10, block: .milliseconds(100))
            #expect(second.map(\.callID) == [ids[2]])
            #expect(try await queue.fetch(consumer: "w1", count: 10, block: .milliseconds(50)).isEmpty)
            #expect(try await queue.stats().pending == 3)
            for entry in first + second { try await queue.complete([entry]) }
            let stats = try await queue.stats()
            #expect(stats.pending == 0)
            #expect(try await queue.notInFlight(ids) == ids)
        }
    }

    @Test("the oldest waiting entry's age grows until a worker takes it, then is zero")
    func oldestWaitingAge() async throws {
        try await Self.withQueue { queue in
            try await queue.ensureGroup()
            #expect(try await queue.stats().oldestWaitingMilliseconds == 0)
            try await queue.enqueue([UUID(), UUID()])
            try await Task.sleep(for: .milliseconds(120))
            let waiting = try await queue.stats()
            #expect(waiting.lag == 2)
            #expect(waiting.oldestWaitingMilliseconds >= 100 && waiting.oldestWaitingMilliseconds < 3_600_000, "an age, not a time stamp")
            _ = try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(50))
            #expect(try await queue.stats().oldestWaitingMilliseconds >= 100)
            _ = try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(50))
            #expect(try await queue.stats().oldestWaitingMilliseconds == 0)
        }
    }

    @Test("a retry waits in the delayed set, stays in flight, and comes back when due")
    func retryLater() async throws {
        try await Self.withQueue { queue in
            let later = UUID()
            let soon = UUID()
            try await queue.enqueue([later, soon])
            let entries = try await queue.fetch(consumer: "w1", count: 2, block: .milliseconds(100))
            let laterEntry = try #require(entries.first { $0.callID == later })
            let soonEntry = try #require(entries.first { $0.callID == soon })
            try await queue.retryLater(laterEntry, delay: .seconds(3600))
            try await queue.retryLater(soonEntry, delay: .milliseconds(1))
            #expect(try await queue.stats().delayed == 2)
            #expect(try await queue.notInFlight([later, soon]).isEmpty)
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await queue.promoteDueRetries() == 1, "the due one comes back; the one due in an hour waits")
            let again = try await queue.fetch(consumer: "w1", count: 2, block: .milliseconds(100))
            #expect(again.map(\.callID) == [soon])
            #expect(again.first?.entryID != soonEntry.entryID)
            #expect(try await queue.stats().delayed == 1)
        }
    }

    @Test("a Redis out of memory refuses a retry or a dead letter whole: the entry stays pending, nothing is lost")
    func outOfMemory() async throws {
        try await TestRedisServer.with { server in
            try await Self.withQueue(redisURL: server.url) { queue in
                let id = UUID()
                try await queue.enqueue(id)
                let entry = try #require(try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(100)).first)
                _ = try await queue.redis.send(["CONFIG", "SET", "maxmemory", "1"])
                await #expect(throws: RedisError.self) { try await queue.retryLater(entry, delay: .seconds(1)) }
                await #expect(throws: RedisError.self) { try await queue.deadLetter(entry, error: "boom", attempts: 3) }
                _ = try await queue.redis.send(["CONFIG", "SET", "maxmemory", "0"])
                let stats = try await queue.stats()
                #expect(stats.pending == 1, "the entry is still pending, for the reaper")
                #expect(stats.delayed == 0)
                #expect(try await queue.deadLetters(limit: 10).isEmpty)
                #expect(try await queue.notInFlight([id]).isEmpty)
                try await queue.retryLater(entry, delay: .seconds(1))
                #expect(try await queue.stats().pending == 0)
                #expect(try await queue.stats().delayed == 1)
                #expect(await queue.evictionPolicy() == "noeviction")
                _ = try await queue.redis.send(["CONFIG", "SET", "maxmemory-policy", "allkeys-lru"])
                #expect(await queue.evictionPolicy() == "allkeys-lru", "the worker warns about this one")
            }
        }
    }

    @Test("a dead letter is listed with its error and can be replayed")
    func deadLetters() async throws {
        try await Self.withQueue { queue in
            let id = UUID()
            try await queue.enqueue(id)
            let entry = try #require(try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(100)).first)
            try await queue.deadLetter(entry, error: "provider down", attempts: 3)
            let letters = try await queue.deadLetters(limit: 10)
            #expect(letters.count == 1)
            #expect(letters.first?.callID == id)
            #expect(letters.first?.error == "provider down")
            #expect(letters.first?.attempts == 3)
            #expect(try await queue.notInFlight([id]) == [id])
            #expect(try await queue.replay(deadLetterID: letters[0].entryID) == id)
            #expect(try await queue.deadLetters(limit: 10).isEmpty)
            #expect(try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(100)).map(\.callID) == [id])
            #expect(try await queue.replay(deadLetterID: "1-1") == nil)
        }
    }

    @Test("entries of a dead consumer are reclaimed after the visibility timeout; a heartbeat keeps them")
    func reclaim() async throws {
        try await Self.withQueue(visibility: .seconds(10)) { queue in
            let dead = UUID()
            let alive = UUID()
            try await queue.enqueue([dead, alive])
            let entries = try await queue.fetch(consumer: "w1", count: 2, block: .milliseconds(100))
            #expect(entries.count == 2)
            var patient = queue.configuration
            patient.visibilityTimeout = .seconds(3600)
            let patientQueue = JobQueue(redis: queue.redis, configuration: patient)
            #expect(try await patientQueue.reclaim(consumer: "w2", count: 10).isEmpty, "not idle long enough yet")
            try await Task.sleep(for: .milliseconds(10_500))
            try await queue.heartbeat(consumer: "w1", entryIDs: entries.filter { $0.callID == alive }.map(\.entryID))
            let reclaimed = try await queue.reclaim(consumer: "w2", count: 10)
            #expect(reclaimed.map(\.callID) == [dead])
        }
    }

    @Test("trimming by MINID keeps pending and undelivered entries")
    func trim() async throws {
        try await Self.withQueue { queue in
            let ids = (0..<5).map { _ in UUID() }
            try await queue.enqueue(ids)
            let fetched = try await queue.fetch(consumer: "w1", count: 3, block: .milliseconds(100))
            try await queue.complete([fetched[0]])
            try await queue.complete([fetched[2]])
            _ = try await queue.trim()
            #expect(try await queue.stats().streamLength == 4, "entry 1 is still pending, so only entry 0 may go")
            try await queue.complete([fetched[1]])
            _ = try await queue.trim()
            let length = try await queue.stats().streamLength
            #expect(length >= 2 && length <= 3, "the two undelivered entries stay")
            let rest = try await queue.fetch(consumer: "w1", count: 10, block: .milliseconds(100))
            #expect(rest.map(\.callID) == Array(ids.suffix(2)))
        }
    }

    @Test("a consumer group lost with Redis's data is recreated and new work flows again")
    func lostGroup() async throws {
        try await Self.withQueue { queue in
            _ = try await queue.redis.send(["DEL", queue.configuration.streamKey])
            #expect(try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(50)).isEmpty)
            let id = UUID()
            try await queue.enqueue(id)
            #expect(try await queue.fetch(consumer: "w1", count: 1, block: .milliseconds(100)).map(\.callID) == [id])
        }
    }

    @Test("only one worker gets the sweep lock")
    func sweepLock() async throws {
        try await Self.withQueue { queue in
            let first = try await queue.acquireSweepLock(owner: "w1", ttl: .seconds(120))
            let second = try await queue.acquireSweepLock(owner: "w2", ttl: .seconds(120))
            #expect(first)
            #expect(!second)
        }
    }

    @Test("retry delays grow exponentially within the jitter and stop at the cap")
    func retryDelays() {
        let configuration = QueueConfiguration(retryBaseDelay: .seconds(2), retryMaxDelay: .seconds(60))
        #expect(configuration.retryDelay(attempt: 1, jitter: 0) == .seconds(2))
        #expect(configuration.retryDelay(attempt: 3, jitter: 0) == .seconds(8))
        #expect(configuration.retryDelay(attempt: 30, jitter: 0) == .seconds(60))
        #expect(configuration.retryDelay(attempt: 2, jitter: 0.25) == .seconds(5))
    }
}
