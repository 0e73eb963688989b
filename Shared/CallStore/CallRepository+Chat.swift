import CallAuditCore
import Foundation
import PostgresClient

/// Conversations about calls (``CallStoreMigrations/chat``).
extension CallRepository {
    /// The conversation `id` about `subject`, or a new one when `id` is `nil`; `nil` when `id` names no conversation
    /// about `subject`.
    public func conversation(_ id: UUID?, about subject: ChatSubject) async throws -> UUID? {
        let (callID, managerID) = subject.columns
        if let id {
            let rows = try await pool.query("""
                SELECT id FROM chat_conversations
                WHERE id = $1 AND call_id IS NOT DISTINCT FROM $2 AND manager_id IS NOT DISTINCT FROM $3
                """, [.init(id), .init(callID), .init(managerID)])
            return rows.first == nil ? nil : id
        }
        let created = UUID()
        _ = try await pool.query(
            "INSERT INTO chat_conversations (id, call_id, manager_id) VALUES ($1, $2, $3)",
            [.init(created), .init(callID), .init(managerID)])
        return created
    }

    /// Appends a question or an answer to a conversation; answers its stored row's id.
    @discardableResult
    public func append(_ message: ChatRecord, to conversationID: UUID) async throws -> Int {
        let rows = try await pool.query("""
            INSERT INTO chat_messages (conversation_id, role, content, provider, model, status, input_tokens, output_tokens,
                                       tokens_estimated, cost_usd, calls_used)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[])
            RETURNING id
            """, [.init(conversationID), .init(message.role), .init(message.content), .init(message.provider),
                  .init(message.model), .init(message.status), .init(message.inputTokens), .init(message.outputTokens),
                  .init(message.tokensEstimated), .init(message.costUSD), .uuidArray(message.callsUsed)])
        guard let id = rows.first?["id"].int else { throw CallStoreError.corruptRow("chat_messages") }
        return id
    }

    /// The conversations about `subject`, oldest first, each with its messages; or only conversation `id`.
    public func conversations(about subject: ChatSubject, id: UUID? = nil) async throws -> [ChatConversation] {
        let (callID, managerID) = subject.columns
        let rows = try await pool.query("""
            SELECT c.id AS conversation_id, c.created_at AS started, m.id, m.role, m.content, m.provider, m.model, m.status,
                   m.input_tokens, m.output_tokens, m.tokens_estimated, m.cost_usd::float8 AS cost_usd, m.calls_used::text AS calls_used, m.created_at
            FROM chat_conversations AS c LEFT JOIN chat_messages AS m ON m.conversation_id = c.id
            WHERE c.call_id IS NOT DISTINCT FROM $1 AND c.manager_id IS NOT DISTINCT FROM $2 AND ($3::uuid IS NULL OR c.id = $3)
            ORDER BY c.created_at, c.id, m.id
            """, [.init(callID), .init(managerID), .init(id)])
        var conversations: [ChatConversation] = []
        for row in rows {
            guard let conversationID = row["conversation_id"].uuid, let started = row["started"].date
            else { throw CallStoreError.corruptRow("chat_conversations") }
            if conversations.last?.id != conversationID {
                conversations.append(ChatConversation(id: conversationID, createdAt: started, messages: []))
            }
            guard let messageID = row["id"].int else { continue }
            guard let role = row["role"].string, let content = row["content"].string, let status = row["status"].string,
                  let created = row["created_at"].date
            else { throw CallStoreError.corruptRow("chat_messages") }
            let used = (row["calls_used"].string ?? "{}").trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
                .split(separator: ",").compactMap { UUID(uuidString: String($0)) }
            conversations[conversations.count - 1].messages.append(ChatRecord(
                id: messageID, role: role, content: content, provider: row["provider"].string, model: row["model"].string,
                status: status, inputTokens: row["input_tokens"].int, outputTokens: row["output_tokens"].int,
                tokensEstimated: row["tokens_estimated"].bool ?? false, costUSD: row["cost_usd"].double, callsUsed: used, createdAt: created))
        }
        return conversations
    }

    /// A manager's latest analyzed calls since `since`, newest first, with their results: what a question about the
    /// manager is answered from.
    public func recentResults(of managerID: String, since: Date, limit: Int) async throws -> [(call: CallRecord, result: AnalysisResult)] {
        let rows = try await pool.query("""
            WITH recent AS (
                SELECT call_id, result::text AS result, call_created_at FROM call_results
                WHERE manager_id = $1 AND call_created_at >= $2
                ORDER BY call_created_at DESC LIMIT $3
            )
            SELECT call.*, recent.result
            FROM (SELECT \(CallRecord.columns) FROM calls WHERE id IN (SELECT call_id FROM recent)) AS call
            JOIN recent ON recent.call_id = call.id
            ORDER BY recent.call_created_at DESC
            """, [.init(managerID), .init(since), .init(limit)])
        return try rows.map { row in
            guard let text = row["result"].string else { throw CallStoreError.corruptRow("call_results") }
            return (try CallRecord(row: row), try JSONDecoder().decode(AnalysisResult.self, from: Data(text.utf8)))
        }
    }
}
