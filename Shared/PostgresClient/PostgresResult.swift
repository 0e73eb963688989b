/// The rows a statement returned and how many rows it changed.
public struct PostgresResult: Sendable, Sequence {
    public var rows: [PostgresRow]
    /// Rows inserted, updated or deleted (0 for other statements).
    public var affectedRows: Int

    public var first: PostgresRow? { rows.first }

    public func makeIterator() -> IndexingIterator<[PostgresRow]> {
        rows.makeIterator()
    }
}
