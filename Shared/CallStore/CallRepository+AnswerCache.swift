import PostgresClient

extension CallRepository {
    /// Stored provider answers among `keys` (hex digests), by key.
    public func cachedAnswers(_ keys: [String]) async throws -> [String: [UInt8]] {
        guard !keys.isEmpty else { return [:] }
        let rows = try await pool.query(
            "SELECT key, answer::text AS answer FROM provider_cache WHERE key = ANY($1::text[])",
            [.text("{" + keys.joined(separator: ",") + "}")])
        var answers: [String: [UInt8]] = [:]
        for row in rows {
            if let key = row["key"].string, let answer = row["answer"].string { answers[key] = Array(answer.utf8) }
        }
        return answers
    }

    /// Keeps a provider's answer (JSON) under `key`; the first answer for a key stays.
    public func storeAnswer(_ answer: [UInt8], key: String, step: String) async throws {
        try await pool.query(
            "INSERT INTO provider_cache (key, step, answer) VALUES ($1, $2, $3::jsonb) ON CONFLICT (key) DO NOTHING",
            [.init(key), .init(step), .init(String(decoding: answer, as: UTF8.self))])
    }
}
