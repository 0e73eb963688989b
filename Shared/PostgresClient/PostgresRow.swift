/// One row of a result; columns by name or position.
public struct PostgresRow: Sendable {
    let columns: PostgresColumns
    let cells: [PostgresCell]

    /// The cell of a column; a NULL cell for an unknown name.
    public subscript(_ column: String) -> PostgresCell {
        columns.index[column].map { cells[$0] } ?? PostgresCell(raw: nil)
    }

    /// The cell at a position.
    public subscript(_ index: Int) -> PostgresCell {
        cells[index]
    }
}

/// The column names of a result, shared by its rows.
final class PostgresColumns: Sendable {
    let index: [String: Int]

    init(names: [String]) {
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
    }
}
