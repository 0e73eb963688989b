/// One page of the per-manager report.
public struct ManagerPage: Sendable, Equatable {
    /// The managers on the page, in the requested order.
    public var managers: [ManagerSummary]
    /// Managers with analyzed calls in the period, on all pages.
    public var total: Int
}
