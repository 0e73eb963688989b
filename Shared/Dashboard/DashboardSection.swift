/// A screen in the dashboard's navigation.
public enum DashboardSection: String, CaseIterable, Sendable {
    case analyze
    case live
    case calls
    case managers
    case queue
    case docs

    /// The screen's address.
    var href: String {
        switch self {
        case .analyze: "/"
        case .live: "/live"
        case .calls: "/calls"
        case .managers: "/managers"
        case .queue: "/queue"
        case .docs: "/docs"
        }
    }
}
