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

    /// Keeps provider answers in one statement; the first answer for a key stays.
    public func storeAnswers(_ entries: [CachedAnswer]) async throws {
        guard !entries.isEmpty else { return }
        try await pool.query(
            """
            INSERT INTO provider_cache (key, step, answer)
            SELECT key, step, answer::jsonb FROM unnest($1::text[], $2::text[], $3::text[]) AS a(key, step, answer)
            ON CONFLICT (key) DO NOTHING
            """,
            [.textArray(entries.map(\.key)), .textArray(entries.map(\.step)),
             .textArray(entries.map { String(decoding: $0.answer, as: UTF8.self) })])
    }
}
