/// Which page of the per-manager report to read, and in which order. Ties are broken by manager id.
public struct ManagerPageRequest: Sendable, Equatable {
    /// The largest page the report answers.
    public static let maximumLimit = 1000

    /// What the managers are sorted by.
    public var sort: ManagerSort
    /// Largest first, when set.
    public var descending: Bool
    /// Managers on the page, 1 to ``maximumLimit``.
    public var limit: Int
    /// Managers skipped before the page.
    public var offset: Int

    /// Creates a page request; `descending` defaults to ascending by manager id and descending by any figure.
    public init(sort: ManagerSort = .manager, descending: Bool? = nil, limit: Int = maximumLimit, offset: Int = 0) {
        self.sort = sort
        self.descending = descending ?? (sort != .manager)
        self.limit = limit
        self.offset = offset
    }
}
