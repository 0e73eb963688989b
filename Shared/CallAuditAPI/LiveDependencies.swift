import Logging
import Providers
import Synchronization

/// What live sessions share in one ingest process: the store, the intake, the settings and the count of open
/// sessions.
struct LiveDependencies: Sendable {
    let calls: any CallStorage
    let intake: CallIntake
    let settings: LiveSettings
    let limits: SubmissionLimits
    let prices: PriceTable
    let tokens: LiveTokens
    let sessions: LiveSessionCount
    let logger: Logger
}

/// The live sessions open in this process, held under ``LiveSettings/maxSessions``.
final class LiveSessionCount: Sendable {
    let limit: Int
    private let open = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Whether another session fits now.
    var hasRoom: Bool { open.withLock { $0 < limit } }

    /// Runs `body` as an open session, or answers `false` at once when the limit is reached.
    func withSession(_ body: () async -> Void) async -> Bool {
        let admitted = open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else { return false }
        await body()
        open.withLock { $0 -= 1 }
        return true
    }
}
