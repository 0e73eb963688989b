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

    let figures: [Figure]
    let providers: [Provider]
    let noProviders: Bool
    let deadLetters: Int
    let queueError: String?

    /// The screen in `language` from the queue's figures (`nil` when Redis did not answer) and the providers as the
    /// workers last published them.
    public init(language: DashboardLanguage, stats: QueueStats?, providers: [ProviderStatus]) {
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
        deadLetters = stats?.deadLetters ?? 0
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
    }
}
