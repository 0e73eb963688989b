import CallQueue
import Foundation
import Providers

/// The Queue and providers screen (`/queue`), for the person on call: how much work waits and for how long, what
/// failed for good, and whether each provider answers.
public struct QueuePage: Sendable {
    struct Figure: Sendable {
        let label: String
        let value: String
        let hint: String
        let alarm: Bool
    }

    struct Provider: Sendable {
        let name: String
        let steps: String
        let available: Bool
        let state: String
        let reason: String
        let last: String
    }

    struct Letter: Sendable {
        let entryID: String
        let callID: String
        let href: String
        let attempts: Int
        let error: String
    }

    let figures: [Figure]
    let providers: [Provider]
    let noProviders: Bool
    let queueError: String?
    /// Whether the dead letters are listed with replay buttons: an admin is signed in.
    let admin: Bool
    let letters: [Letter]
    let hasLetters: Bool
    /// How many calls the last replay gave a new start, when the page follows one.
    let replayed: Int?

    /// The screen in `language` from the queue's figures (`nil` when Redis did not answer) and the providers as the
    /// workers last published them; for an admin (`deadLetters` not `nil`) the dead letters with their errors.
    public init(language: DashboardLanguage, stats: QueueStats?, providers: [ProviderStatus], deadLetters: [DeadLetter]? = nil,
                replayed: Int? = nil) {
        let t = DashboardStrings.table(language)
        func figure(_ key: String, _ value: String, alarm: Bool = false) -> Figure {
            Figure(label: t["queue_\(key)"] ?? key, value: value, hint: t["queue_\(key)_hint"] ?? "", alarm: alarm)
        }
        figures = stats.map { stats in
            [
                figure("lag", String(stats.lag), alarm: stats.lag > 0 && stats.oldestWaitingMilliseconds > 300_000),
                figure("pending", String(stats.pending)),
                figure("delayed", String(stats.delayed)),
                figure("dead", String(stats.deadLetters), alarm: stats.deadLetters > 0),
                figure("oldest", DashboardFormat.clock(Double(stats.oldestWaitingMilliseconds) / 1000) ?? "0:00",
                       alarm: stats.oldestWaitingMilliseconds > 300_000),
                figure("length", String(stats.streamLength)),
            ]
        } ?? []
        queueError = stats == nil ? t["queue_unreachable"] : nil
        self.providers = providers.map { status in
            Provider(
                name: status.provider,
                steps: status.steps.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
                available: status.available,
                state: t[status.available ? "provider_available" : "provider_unavailable"] ?? "",
                reason: status.reason ?? "",
                last: [status.lastRequestOK.map { t[$0 ? "provider_last_ok" : "provider_last_failed"] ?? "" },
                       status.lastStatus.map { "HTTP \($0)" }, DashboardFormat.time(status.lastRequestAt)]
                    .compactMap { $0 }.joined(separator: " · "))
        }
        noProviders = providers.isEmpty
        admin = deadLetters != nil
        letters = (deadLetters ?? []).map {
            let id = $0.callID.uuidString.lowercased()
            return Letter(entryID: $0.entryID, callID: id, href: "/calls/\(id)", attempts: $0.attempts, error: $0.error)
        }
        hasLetters = !letters.isEmpty
        self.replayed = replayed
    }
}
