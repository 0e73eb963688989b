import CoreExtensions
import Foundation
import PostgresClient

/// The callback outbox (``CallStoreMigrations/callbacks``): events written with the end of a call, claimed for
/// delivery with a lease, and every attempt recorded.
extension CallRepository {
    /// The statement part that writes the outbox rows of calls that ended: one per event and destination (the call's
    /// own `callback_url` and ``CallbackTargets/urls``, once each). `source` names a row set with `id`, `external_id`,
    /// `manager_id`, `mode` and `callback_url`; `details` is a jsonb object of what the event says of the call beyond
    /// who it is, over `source`'s columns; `$<urls>` is a `text[]` of the targets' URLs and `$<base>` the links' base.
    static func outboxInsert(event: String, source: String, details: String, urls: Int, base: Int) -> String {
        """
        INSERT INTO callback_deliveries (event_id, call_id, event, url, payload)
        SELECT ended.event_id, ended.id, '\(event)', target.url, jsonb_build_object(
                   'event', '\(event)', 'event_id', ended.event_id, 'occurred_at', now(),
                   'call', jsonb_build_object('id', ended.id, 'crm_call_id', ended.external_id,
                                              'manager_id', ended.manager_id, 'mode', ended.mode) || ended.details,
                   'links', jsonb_build_object('call', $\(base) || '/v1/calls/' || ended.id,
                                               'dashboard', $\(base) || '/calls/' || ended.id))
        FROM (SELECT source.*, gen_random_uuid() AS event_id, \(details) AS details FROM \(source) AS source) AS ended
        CROSS JOIN LATERAL (
            SELECT DISTINCT url FROM unnest(array_remove(ARRAY[ended.callback_url], NULL) || $\(urls)::text[]) AS url
        ) AS target
        """
    }

    /// The callback targets as the parameters ``outboxInsert(event:source:details:urls:base:)`` reads.
    var callbackParameters: [PostgresParameter] {
        [.textArray(callbacks.urls), .init(callbacks.linkBase)]
    }

    /// Claims up to `limit` pending deliveries that are due, oldest first, for one attempt each: their attempt count
    /// goes up and their next attempt moves `lease` ahead, so that a delivery whose worker dies mid-attempt is tried
    /// again once the lease runs out. Workers claiming at once never get the same delivery.
    public func claimDueCallbacks(limit: Int, lease: Duration) async throws -> [CallbackDelivery] {
        let rows = try await pool.query("""
            UPDATE callback_deliveries AS d
            SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
            FROM (SELECT id FROM callback_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) AS due
            WHERE d.id = due.id
            RETURNING d.id, d.event_id, d.call_id, d.event, d.url, d.payload::text AS body, d.attempts,
                      d.attempts - d.replayed_after AS tries
            """, [.init(limit), .init(Double(lease.wholeMilliseconds) / 1000)])
        return try rows.map { row in
            guard let id = row["id"].int, let eventID = row["event_id"].uuid, let callID = row["call_id"].uuid,
                  let event = row["event"].string, let url = row["url"].string, let body = row["body"].string,
                  let attempt = row["attempts"].int, let tries = row["tries"].int
            else { throw CallStoreError.corruptRow("callback_deliveries") }
            return CallbackDelivery(id: id, eventID: eventID, callID: callID, event: event, url: url, body: body,
                                    attempt: attempt, tries: tries)
        }
    }

    /// Records an attempt and its consequence. An attempt whose lease ran out while it was under way (another worker
    /// has claimed the delivery since) is recorded but changes nothing.
    public func recordCallbackAttempt(_ attempt: CallbackAttempt) async throws {
        let (status, retryAfter): (String, Double?) = switch attempt.next {
        case .delivered: ("delivered", nil)
        case .retry(let after): ("pending", Double(after.wholeMilliseconds) / 1000)
        case .failed: ("failed", nil)
        }
        _ = try await pool.query("""
            WITH recorded AS (
                INSERT INTO callback_attempts (delivery_id, attempt, http_status, latency_ms, error)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING
            )
            UPDATE callback_deliveries
            SET status = $6, last_error = $5,
                next_attempt_at = CASE WHEN $7::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $7) END,
                delivered_at = CASE WHEN $6 = 'delivered' THEN now() END
            WHERE id = $1 AND attempts = $2 AND status = 'pending'
            """, [.init(attempt.deliveryID), .init(attempt.attempt), .init(attempt.httpStatus),
                  .init(attempt.latencyMilliseconds), .init(attempt.error), .init(status), .init(retryAfter)])
    }

    /// A call's callback deliveries, oldest first, each with its attempts.
    public func callbacks(of callID: UUID) async throws -> [CallbackStatus] {
        let rows = try await pool.query("""
            SELECT d.id, d.event_id, d.event, d.url, d.status, d.next_attempt_at, d.delivered_at,
                   a.attempt, a.attempted_at, a.http_status, a.latency_ms, a.error
            FROM callback_deliveries AS d LEFT JOIN callback_attempts AS a ON a.delivery_id = d.id
            WHERE d.call_id = $1
            ORDER BY d.id, a.attempt
            """, [.init(callID)])
        var deliveries: [CallbackStatus] = []
        for row in rows {
            guard let id = row["id"].int, let eventID = row["event_id"].uuid, let event = row["event"].string,
                  let url = row["url"].string, let status = row["status"].string
            else { throw CallStoreError.corruptRow("callback_deliveries") }
            if deliveries.last?.id != id {
                deliveries.append(CallbackStatus(
                    id: id, eventID: eventID, event: event, url: Self.redacted(url), status: status,
                    nextAttemptAt: status == "pending" ? row["next_attempt_at"].date : nil,
                    deliveredAt: row["delivered_at"].date, attempts: []))
            }
            guard let number = row["attempt"].int else { continue }
            guard let at = row["attempted_at"].date, let latency = row["latency_ms"].int
            else { throw CallStoreError.corruptRow("callback_attempts") }
            deliveries[deliveries.count - 1].attempts.append(CallbackStatus.Attempt(
                attempt: number, at: at, httpStatus: row["http_status"].int, latencyMilliseconds: latency,
                error: row["error"].string))
        }
        return deliveries
    }

    /// Gives a call's failed deliveries a new start (pending, due now, a full set of attempts; the earlier ones stay
    /// in the history); answers how many. Delivered and pending ones are left alone.
    public func replayCallbacks(of callID: UUID) async throws -> Int {
        try await pool.query("""
            UPDATE callback_deliveries SET status = 'pending', next_attempt_at = now(), replayed_after = attempts
            WHERE call_id = $1 AND status = 'failed'
            """, [.init(callID)]).affectedRows
    }

    /// A URL without its query, fragment or credentials.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(invalid URL)" }
        components.query = nil
        components.fragment = nil
        components.user = nil
        components.password = nil
        return components.string ?? "(invalid URL)"
    }
}
