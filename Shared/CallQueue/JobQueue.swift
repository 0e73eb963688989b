import CoreExtensions
import Foundation
import CallAuditCore
import RedisClient

/// The Redis Streams job queue of DESIGN.md §4.
///
/// The stream carries call ids; PostgreSQL holds the calls. A call id is in the in-flight set from enqueue until its
/// call is finished (done or dead-lettered), so the sweeper can tell which unfinished calls Redis has lost.
public struct JobQueue: Sendable {
    /// The Redis client the queue talks through.
    public let redis: RedisClient
    /// Names and timings.
    public let configuration: QueueConfiguration

    /// Creates a queue.
    public init(redis: RedisClient, configuration: QueueConfiguration) {
        self.redis = redis
        self.configuration = configuration
    }

    /// Throws when Redis cannot be reached.
    public func ping() async throws {
        _ = try await redis.send(["PING"])
    }

    /// Creates the stream and consumer group if they do not exist (an existing group is kept as it is).
    public func ensureGroup() async throws {
        do {
            _ = try await redis.send(["XGROUP", "CREATE", configuration.streamKey, configuration.group, "0", "MKSTREAM"])
        } catch RedisError.server(let message) where message.hasPrefix("BUSYGROUP") {
            return
        }
    }

    /// Enqueues calls: one round trip for all of them.
    public func enqueue(_ callIDs: [UUID]) async throws {
        guard !callIDs.isEmpty else { return }
        var commands: [[String]] = []
        commands.reserveCapacity(callIDs.count + 1)
        for id in callIDs {
            commands.append(["XADD", configuration.streamKey, "*", "call", id.uuidString.lowercased()])
        }
        commands.append(["SADD", configuration.inFlightKey] + callIDs.map { $0.uuidString.lowercased() })
        try Self.throwFirstError(try await redis.pipeline(commands))
    }

    /// Enqueues one call.
    public func enqueue(_ callID: UUID) async throws {
        try await enqueue([callID])
    }

    /// Waits up to `block` for at most `count` new entries for `consumer`. A group lost with Redis's data is recreated.
    public func fetch(consumer: String, count: Int, block: Duration) async throws -> [QueueEntry] {
        let command = [
            "XREADGROUP", "GROUP", configuration.group, consumer, "COUNT", String(count), "BLOCK", String(block.wholeMilliseconds),
            "STREAMS", configuration.streamKey, ">",
        ]
        let reply: RedisValue
        do {
            reply = try await redis.send(command, timeout: block + .seconds(5))
        } catch RedisError.server(let message) where message.hasPrefix("NOGROUP") {
            try await ensureGroup()
            return []
        }
        guard let streams = reply.array, let stream = streams.first?.array, stream.count == 2, let entries = stream[1].array else {
            return []
        }
        return entries.compactMap(Self.entry(from:))
    }

    /// The calls are finished (their results or failures are committed): ack the entries and forget the calls,
    /// in one round trip.
    public func complete(_ entries: [QueueEntry]) async throws {
        guard !entries.isEmpty else { return }
        try Self.throwFirstError(try await redis.pipeline([
            ["XACK", configuration.streamKey, configuration.group] + entries.map(\.entryID),
            ["SREM", configuration.inFlightKey] + entries.map { $0.callID.uuidString.lowercased() },
        ]))
    }

    /// Schedules another attempt after `delay` and acks the current entry; the call stays in flight.
    public func retryLater(_ entry: QueueEntry, delay: Duration) async throws {
        let due = Int(Date().timeIntervalSince1970 * 1000) + delay.wholeMilliseconds
        try await transaction([
            ["ZADD", configuration.delayedKey, String(due), entry.callID.uuidString.lowercased()],
            ["XACK", configuration.streamKey, configuration.group, entry.entryID],
        ])
    }

    /// Moves a call that ran out of attempts to the dead-letter stream, with its last error.
    public func deadLetter(_ entry: QueueEntry, error: String, attempts: Int) async throws {
        try await transaction([
            ["XADD", configuration.deadLetterKey, "*", "call", entry.callID.uuidString.lowercased(),
             "error", error, "attempts", String(attempts)],
            ["XACK", configuration.streamKey, configuration.group, entry.entryID],
            ["SREM", configuration.inFlightKey, entry.callID.uuidString.lowercased()],
        ])
    }

    /// Runs `commands` in one `MULTI`/`EXEC`: all of them or, when Redis refuses one (out of memory under
    /// `noeviction`), none. An entry is acked only together with the retry or dead letter that replaces it, so a
    /// refused write leaves it pending, for the reaper to hand out again.
    func transaction(_ commands: [[String]]) async throws {
        let replies = try await redis.pipeline([["MULTI"]] + commands + [["EXEC"]])
        try Self.throwFirstError(replies)
        try Self.throwFirstError(replies.last?.array ?? [])
    }

    /// Keeps entries claimed by `consumer` fresh, so the reaper does not take a long call away from a live worker.
    public func heartbeat(consumer: String, entryIDs: [String]) async throws {
        guard !entryIDs.isEmpty else { return }
        _ = try await redis.send(
            ["XCLAIM", configuration.streamKey, configuration.group, consumer, "0"] + entryIDs + ["JUSTID"])
    }

    /// Takes over at most `count` entries idle for longer than the visibility timeout (their consumer died).
    public func reclaim(consumer: String, count: Int) async throws -> [QueueEntry] {
        let reply: RedisValue
        do {
            reply = try await redis.send([
                "XAUTOCLAIM", configuration.streamKey, configuration.group, consumer, String(configuration.visibilityTimeout.wholeMilliseconds), "0-0",
                "COUNT", String(count),
            ])
        } catch RedisError.server(let message) where message.hasPrefix("NOGROUP") {
            try await ensureGroup()
            return []
        }
        guard let parts = reply.array, parts.count >= 2, let entries = parts[1].array else { return [] }
        return entries.compactMap(Self.entry(from:))
    }

    /// Moves retries that are due from the delayed set back to the stream; answers how many moved.
    public func promoteDueRetries(limit: Int = 500) async throws -> Int {
        let now = String(Int(Date().timeIntervalSince1970 * 1000))
        let moved = try await redis.send([
            "EVAL", Self.promoteScript, "2", configuration.delayedKey, configuration.streamKey, now, String(limit),
        ])
        return moved.int ?? 0
    }

    /// Trims the stream below its oldest pending entry (`MINID`), never dropping undelivered or unacked work.
    /// Answers how many entries were removed.
    public func trim() async throws -> Int {
        let pending = try await redis.send(["XPENDING", configuration.streamKey, configuration.group])
        let threshold: String?
        if let summary = pending.array, let count = summary.first?.int, count > 0 {
            threshold = summary.count > 1 ? summary[1].string : nil
        } else {
            threshold = try await groupInfo()["last-delivered-id"]?.string
        }
        guard let threshold, threshold != "0-0" else { return 0 }
        return try await redis.send(["XTRIM", configuration.streamKey, "MINID", threshold]).int ?? 0
    }

    /// Of these calls, the ones the queue does not hold (neither in the stream nor delayed): lost with Redis's data,
    /// or never enqueued because the ingest process died in between.
    public func notInFlight(_ callIDs: [UUID]) async throws -> [UUID] {
        guard !callIDs.isEmpty else { return [] }
        let reply = try await redis.send(["SMISMEMBER", configuration.inFlightKey] + callIDs.map { $0.uuidString.lowercased() })
        let flags = reply.array ?? []
        return zip(callIDs, flags).compactMap { id, flag in flag.int == 1 ? nil : id }
    }

    /// Takes the sweep lock for `ttl` if nobody holds it; answers whether this caller got it.
    public func acquireSweepLock(owner: String, ttl: Duration) async throws -> Bool {
        let reply = try await redis.send([
            "SET", configuration.sweepLockKey, owner, "NX", "PX", String(ttl.wholeMilliseconds),
        ])
        return reply.string == "OK"
    }

    /// The oldest dead letters, at most `limit`.
    public func deadLetters(limit: Int) async throws -> [DeadLetter] {
        let reply = try await redis.send(["XRANGE", configuration.deadLetterKey, "-", "+", "COUNT", String(limit)])
        return (reply.array ?? []).compactMap { item in
            guard let parts = item.array, parts.count == 2, let entryID = parts[0].string else { return nil }
            let fields = Self.fields(parts[1])
            guard let call = fields["call"].flatMap(UUID.init(uuidString:)) else { return nil }
            return DeadLetter(entryID: entryID, callID: call, error: fields["error"] ?? "", attempts: Int(fields["attempts"] ?? "") ?? 0)
        }
    }

    /// Removes a dead letter and enqueues its call again; answers the call, or `nil` if there is no such dead letter.
    public func replay(deadLetterID: String) async throws -> UUID? {
        let letters = try await redis.send(["XRANGE", configuration.deadLetterKey, deadLetterID, deadLetterID])
        guard let item = letters.array?.first?.array, item.count == 2,
              let call = Self.fields(item[1])["call"].flatMap(UUID.init(uuidString:))
        else { return nil }
        try await enqueue(call)
        _ = try await redis.send(["XDEL", configuration.deadLetterKey, deadLetterID])
        return call
    }

    /// How much work the queue holds.
    public func stats() async throws -> QueueStats {
        let replies = try await redis.pipeline([
            ["XLEN", configuration.streamKey],
            ["ZCARD", configuration.delayedKey],
            ["XLEN", configuration.deadLetterKey],
        ])
        let group = try await groupInfo()
        return QueueStats(
            streamLength: replies[0].int ?? 0, pending: group["pending"]?.int ?? 0, lag: group["lag"]?.int ?? 0,
            delayed: replies[1].int ?? 0, deadLetters: replies[2].int ?? 0,
            oldestWaitingMilliseconds: try await oldestWaitingMilliseconds(lastDelivered: group["last-delivered-id"]?.string))
    }

    /// The age of the first entry after the group's last delivered one (the next a worker will get), from the
    /// milliseconds in its id; 0 when none waits or the group does not exist.
    func oldestWaitingMilliseconds(lastDelivered: String?) async throws -> Int {
        guard let lastDelivered else { return 0 }
        let reply = try await redis.send(["XRANGE", configuration.streamKey, "(\(lastDelivered)", "+", "COUNT", "1"])
        guard let id = reply.array?.first?.array?.first?.string, let added = id.split(separator: "-").first.flatMap({ Int($0) })
        else { return 0 }
        return max(0, Int(Date().timeIntervalSince1970 * 1000) - added)
    }

    /// Redis's `maxmemory-policy`, or `nil` where `CONFIG` is not allowed (many managed services). Anything but
    /// `noeviction` may drop the stream, the delayed set or the in-flight set under memory pressure.
    public func evictionPolicy() async -> String? {
        guard let reply = try? await redis.send(["CONFIG", "GET", "maxmemory-policy"]).array, reply.count == 2 else { return nil }
        return reply[1].string
    }

    /// The fields of this queue's group from `XINFO GROUPS`; empty when the stream or group does not exist.
    func groupInfo() async throws -> [String: RedisValue] {
        let reply: RedisValue
        do {
            reply = try await redis.send(["XINFO", "GROUPS", configuration.streamKey])
        } catch RedisError.server(let message) where message.hasPrefix("ERR no such key") {
            return [:]
        }
        for group in reply.array ?? [] {
            let info = Self.pairs(group)
            if info["name"]?.string == configuration.group { return info }
        }
        return [:]
    }

    static func entry(from value: RedisValue) -> QueueEntry? {
        guard let parts = value.array, parts.count == 2, let entryID = parts[0].string,
              let call = fields(parts[1])["call"].flatMap(UUID.init(uuidString:))
        else { return nil }
        return QueueEntry(entryID: entryID, callID: call)
    }

    /// A flat `[key, value, key, value, …]` reply as a dictionary.
    static func pairs(_ value: RedisValue) -> [String: RedisValue] {
        let values = value.array ?? []
        var pairs: [String: RedisValue] = [:]
        for index in stride(from: 0, to: values.count - 1, by: 2) {
            if let key = values[index].string { pairs[key] = values[index + 1] }
        }
        return pairs
    }

    /// The string fields of a stream entry.
    static func fields(_ value: RedisValue) -> [String: String] {
        pairs(value).compactMapValues(\.string)
    }

    static func throwFirstError(_ replies: [RedisValue]) throws {
        for reply in replies {
            if case .error(let message) = reply { throw RedisError.server(message) }
        }
    }

    /// KEYS[1] delayed set, KEYS[2] stream; ARGV[1] now (ms), ARGV[2] limit. Atomic, so a retry is never lost or doubled.
    static let promoteScript = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, call in ipairs(due) do
            redis.call('XADD', KEYS[2], '*', 'call', call)
            redis.call('ZREM', KEYS[1], call)
        end
        return #due
        """
}
