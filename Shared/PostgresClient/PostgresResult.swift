/// The rows a statement returned and how many rows it changed.
public struct PostgresResult: Sendable, Sequence {
    /// The rows, in the order the server sent them.
    public var rows: [PostgresRow]
    /// Rows inserted, updated or deleted (0 for other statements).
    public var affectedRows: Int

    /// The first row, if any.
    public var first: PostgresRow? { rows.first }

    /// Iterates over ``rows``.
    public func makeIterator() -> IndexingIterator<[PostgresRow]> {
        rows.makeIterator()
    }
}
