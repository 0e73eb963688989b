import Foundation
import Providers
import RedisClient

/// The providers' status as the workers last saw it, in one Redis hash (`<prefix>:providers`, a field per provider)
/// so that any ingest process can show it on `/ready` and `GET /v1/providers`.
public struct ProviderStatusBoard: Sendable {
    let redis: RedisClient
    let key: String

    /// A board under the queue's key prefix.
    public init(redis: RedisClient, keyPrefix: String) {
        self.redis = redis
        self.key = "\(keyPrefix):providers"
    }

    /// Writes `statuses`, one field each.
    public func publish(_ statuses: [ProviderStatus]) async throws {
        guard !statuses.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var command = ["HSET", key]
        for status in statuses {
            command += [status.provider, String(decoding: try encoder.encode(status), as: UTF8.self)]
        }
        _ = try await redis.send(command)
    }

    /// Every provider a worker has reported, by name.
    public func read() async throws -> [ProviderStatus] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let fields = try await redis.send(["HGETALL", key]).array ?? []
        return stride(from: 1, to: fields.count, by: 2).compactMap { index in
            fields[index].string.flatMap { try? decoder.decode(ProviderStatus.self, from: Data($0.utf8)) }
        }.sorted { $0.provider < $1.provider }
    }
}
