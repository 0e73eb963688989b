import Foundation
import Logging
import RedisClient

/// `RATE_LIMIT_PER_MINUTE` requests per caller and clock minute, counted in Redis so that the limit holds across
/// every ingest process: one `INCR` and `EXPIRE` round trip a request. When Redis cannot be reached the request is
/// let through (reads and health keep working; submissions then fail with 503 anyway).
struct RateLimiter: Sendable {
    let redis: RedisClient
    let keyPrefix: String
    let perMinute: Int
    let logger: Logger

    /// `nil` when the request may go on, or the seconds until the caller's window opens again.
    func retryAfter(identity: String, now: Date = Date()) async -> Int? {
        let epoch = Int(now.timeIntervalSince1970)
        let key = "\(keyPrefix):ratelimit:\(identity):\(epoch / 60)"
        do {
            let replies = try await redis.pipeline([["INCR", key], ["EXPIRE", key, "61"]])
            guard let count = replies.first?.int, count > perMinute else { return nil }
            return 60 - epoch % 60
        } catch {
            logger.warning("rate limit not checked: Redis is unreachable", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
