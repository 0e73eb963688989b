import Foundation
import CallAuditCore
import CallStore

/// The Call screen (`/calls/{id}`): where the call stands and, once analyzed, its scores with their evidence in the
/// transcript, summary, recommendations, sentiment, profanity, conversation figures and what the providers cost.
public struct CallDetailPage: Sendable {
    /// A label and a value.
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct Criterion: Sendable {
        let key: String
        let name: String
        let reviewed: Bool
        let score: Int
        let band: String
        let weight: String
        let evidence: String?
        let found: Bool
    }

    struct Line: Sendable {
        let role: String
        let roleKey: String
        let speaker: String?
        let time: String?
        /// Where the segment starts, in seconds, for the player to seek to.
        let start: String?
        let pieces: [TranscriptMarkup.Piece]
    }

    struct Mood: Sendable {
        let label: String
        let value: String
        let key: String
        let score: String
    }

    struct ProviderCall: Sendable {
        let step: String
        let provider: String
        let model: String
        let status: String
        let latency: String
        let tokens: String
        let cost: String
    }

    struct Result: Sendable {
        let totalScore: Int
        let band: String
        let criteria: [Criterion]
        let summary: String
        let recommendations: [String]
        let moods: [Mood]
        let profanityFound: Bool
        let profaneWords: String
        let lines: [Line]
        let metrics: [Fact]
        let providerCalls: [ProviderCall]
        let cost: String?
    }

    let id: String
    let jsonHref: String
    let managerID: String
    let facts: [Fact]
    let status: String
    let statusKey: String
    let stage: String
    let following: Bool
    let error: String?
    let result: Result?
    /// The uploaded recording's address, for the player.
    let audioHref: String?
    /// The dead letter of a failed call, which a signed-in admin can replay from here.
    let retryEntryID: String?
    let trail: [TrailRow]
    let hasTrail: Bool
    let notes: String?
    /// Whether the review forms are shown: an admin is signed in and the call has a result.
    let canReview: Bool
    let reviewCriteria: [FormOption]
    let reviewError: String?

    /// One change in the audit trail, as the page shows it.
    struct TrailRow: Sendable {
        let when: String
        let reviewer: String
        let what: String
        let change: String
        let reason: String
    }

    /// What the page shows of a call's reviews: the trail, the notes, whether the viewer may review and why the last
    /// review was refused.
    public struct Reviews: Sendable {
        let trail: [CallReview]
        let notes: String?
        let canReview: Bool
        let error: String?

        /// Creates the reviews part.
        public init(trail: [CallReview], notes: String?, canReview: Bool, error: String? = nil) {
            self.trail = trail
            self.notes = notes
            self.canReview = canReview
            self.error = error
        }
    }

    /// One callback delivery, as the page shows it.
    struct CallbackRow: Sendable {
        let event: String
        let url: String
        let status: String
        let statusKey: String
        let attempts: Int
        let lastOutcome: String
        let when: String
    }

    /// The call's callback deliveries to the CRM, with where each stands.
    let callbacks: [CallbackRow]
    let hasCallbacks: Bool
    /// Whether a signed-in admin may send failed deliveries again from here.
    let canReplayCallbacks: Bool

    /// One question or answer in the chat panel.
    struct ChatLine: Sendable {
        let isQuestion: Bool
        let who: String
        let text: String
        let meta: String?
    }

    /// The latest conversation about the call, which the panel continues.
    let chat: [ChatLine]
    let conversationID: String?
    /// Whether questions can be asked: the call is analyzed.
    let canAsk: Bool

    /// The page of `call` (and its result, when done) in `language`; `retryEntryID` offers to replay its dead letter,
    /// `review` shows the audit trail and, for an admin, the review forms; `callbacks` are its deliveries to the CRM,
    /// which an admin (`canReplayCallbacks`) may send again when they failed; `conversation` is the latest one about
    /// the call, which the chat panel shows and continues.
    public init(
        language: DashboardLanguage, call: CallRecord, result: AnalysisResult?, retryEntryID: String? = nil, review: Reviews? = nil,
        callbacks: [CallbackStatus] = [], canReplayCallbacks: Bool = false, conversation: ChatConversation? = nil
    ) {
        let t = DashboardStrings.table(language)
        id = call.id.uuidString.lowercased()
        jsonHref = "/v1/calls/\(id)"
        managerID = call.managerID
        status = t["status_\(call.status.rawValue)"] ?? call.status.rawValue
        statusKey = call.status.rawValue
        stage = t["stage_\(call.stage.rawValue)"] ?? call.stage.rawValue
        following = call.status == .queued || call.status == .processing
        error = call.error
        var facts = [
            Fact(label: t["field_mode"] ?? "", value: t["mode_\(call.mode.rawValue)"] ?? call.mode.rawValue),
            Fact(label: t["call_source"] ?? "", value: t["source_\(call.source.rawValue)"] ?? call.source.rawValue),
            Fact(label: t["call_created"] ?? "", value: DashboardFormat.time(call.createdAt) ?? ""),
            Fact(label: t["call_attempts"] ?? "", value: String(call.attempts)),
        ]
        if let external = call.externalID { facts.insert(Fact(label: t["col_call_id"] ?? "", value: external), at: 0) }
        if let completed = DashboardFormat.time(call.completedAt) { facts.append(Fact(label: t["call_completed"] ?? "", value: completed)) }
        if let url = call.audioURL { facts.append(Fact(label: t["field_url"] ?? "", value: url)) }
        self.facts = facts
        let reviews = review?.trail ?? []
        self.result = result.map { Self.result($0, reviewedKeys: Set(reviews.compactMap(\.criterion)), strings: t) }
        let names = Dictionary((result?.criteria ?? []).map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        trail = reviews.map { review in
            TrailRow(when: DashboardFormat.time(review.createdAt) ?? "", reviewer: review.reviewer,
                     what: review.criterion.map { names[$0] ?? $0 } ?? (t["review_notes"] ?? ""),
                     change: review.criterion != nil
                        ? "\(review.oldScore.map(String.init) ?? "–") → \(review.newScore.map(String.init) ?? "–")"
                        : review.newNotes ?? "",
                     reason: review.reason)
        }
        hasTrail = !trail.isEmpty
        notes = review?.notes
        canReview = review?.canReview == true && result != nil
        reviewCriteria = (result?.criteria ?? []).map { FormOption(value: $0.key, label: "\($0.name) (\($0.score))", selected: false) }
        reviewError = review?.error
        audioHref = call.source == .upload || call.source == .live ? "/calls/\(id)/audio" : nil
        self.retryEntryID = retryEntryID
        self.callbacks = callbacks.map { Self.callbackRow($0, strings: t) }
        hasCallbacks = !callbacks.isEmpty
        self.canReplayCallbacks = canReplayCallbacks && callbacks.contains { $0.status == "failed" }
        chat = (conversation?.messages ?? []).map { Self.chatLine($0, strings: t) }
        conversationID = conversation?.id.uuidString.lowercased()
        canAsk = result != nil
    }

    static func chatLine(_ message: ChatRecord, strings t: [String: String]) -> ChatLine {
        guard message.role == "assistant" else {
            return ChatLine(isQuestion: true, who: t["chat_you"] ?? "", text: message.content, meta: nil)
        }
        var meta = message.provider == "local" ? (t["chat_local"] ?? "") : [message.provider, message.model].compactMap { $0 }.joined(separator: " · ")
        if let cost = message.costUSD, cost > 0 { meta += " · $" + String(format: "%.4f", cost) }
        if message.status != "complete" { meta += " · " + (t["chat_\(message.status)"] ?? message.status) }
        return ChatLine(isQuestion: false, who: t["chat_answer"] ?? "", text: message.content, meta: meta)
    }

    static func callbackRow(_ delivery: CallbackStatus, strings t: [String: String]) -> CallbackRow {
        let last = delivery.attempts.last
        let outcome = last.map { attempt in attempt.error ?? attempt.httpStatus.map { "HTTP \($0)" } ?? "" } ?? "–"
        let when = delivery.status == "delivered" ? delivery.deliveredAt : delivery.status == "pending" ? delivery.nextAttemptAt : last?.at
        return CallbackRow(
            event: delivery.event, url: delivery.url, status: t["callback_\(delivery.status)"] ?? delivery.status,
            statusKey: delivery.status, attempts: delivery.attempts.count, lastOutcome: outcome,
            when: DashboardFormat.time(when) ?? "")
    }

    static func result(_ result: AnalysisResult, reviewedKeys: Set<String>, strings t: [String: String]) -> Result {
        let (pieces, found) = TranscriptMarkup.pieces(
            segments: result.segments, criteria: result.criteria, profanity: result.profanity.spans)
        let criteria = result.criteria.map {
            Criterion(key: $0.key, name: $0.name, reviewed: reviewedKeys.contains($0.key), score: $0.score, band: ScoreBand.of($0.score),
                      weight: DashboardFormat.number($0.weight), evidence: $0.evidence, found: found.contains($0.key))
        }
        let lines = zip(result.segments, pieces).map { segment, pieces in
            Line(role: t["role_\(segment.role.rawValue)"] ?? segment.role.rawValue, roleKey: segment.role.rawValue,
                 speaker: segment.speaker, time: DashboardFormat.clock(segment.start),
                 start: segment.start.map { String(format: "%.2f", $0) }, pieces: pieces)
        }
        let sentiment = result.sentiment
        let moods = [(t["sentiment_overall"], sentiment.overall), (t["role_manager"], sentiment.manager),
                     (t["role_customer"], sentiment.customer)].map { label, score in
            Mood(label: label ?? "", value: t["sentiment_\(score.label.rawValue)"] ?? score.label.rawValue,
                 key: score.label.rawValue, score: String(format: "%+.2f", score.score))
        }
        var calls = (result.providerCalls ?? []).map {
            ProviderCall(step: $0.step, provider: $0.provider, model: $0.model ?? "", status: $0.httpStatus.map(String.init) ?? "",
                         latency: "\($0.latencyMilliseconds) ms",
                         tokens: $0.inputTokens + $0.outputTokens > 0 ? "\($0.inputTokens) / \($0.outputTokens)" : "",
                         cost: DashboardFormat.dollars($0.costUSD) ?? "")
        }
        if calls.isEmpty {
            calls = result.providers.map {
                ProviderCall(step: $0.step, provider: $0.provider, model: $0.model ?? "", status: "", latency: "", tokens: "", cost: "")
            }
        }
        return Result(
            totalScore: result.totalScore, band: ScoreBand.of(result.totalScore), criteria: criteria,
            summary: result.summary, recommendations: result.recommendations, moods: moods,
            profanityFound: result.profanity.found,
            profaneWords: result.profanity.spans.map(\.text).joined(separator: ", "), lines: lines,
            metrics: metrics(result.metrics, strings: t), providerCalls: calls, cost: DashboardFormat.dollars(result.costUSD))
    }

    static func metrics(_ metrics: CallMetrics, strings t: [String: String]) -> [Fact] {
        let figures: [(String, String?)] = [
            ("metric_talk_ratio", DashboardFormat.percent(metrics.talkRatioManager)),
            ("metric_turns", String(metrics.turns)),
            ("metric_manager_questions", String(metrics.managerQuestions)),
            ("metric_customer_questions", String(metrics.customerQuestions)),
            ("metric_longest_monologue", String(metrics.longestMonologueWords)),
            ("metric_duration", DashboardFormat.clock(metrics.durationSeconds)),
            ("metric_wpm", metrics.wordsPerMinute.map { String(Int($0.rounded())) }),
            ("metric_silence", DashboardFormat.clock(metrics.silenceSeconds)),
            ("metric_interruptions", metrics.interruptions.map(String.init)),
        ]
        return figures.compactMap { key, value in value.map { Fact(label: t[key] ?? key, value: $0) } }
    }
}
