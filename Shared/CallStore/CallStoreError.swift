/// Something in the store is not as the schema promises.
public enum CallStoreError: Error, Sendable, CustomStringConvertible {
    /// A row of this table could not be read.
    case corruptRow(String)
    /// A pagination cursor that this store did not write.
    case invalidCursor

    public var description: String {
        switch self {
        case .corruptRow(let table): "a row of \(table) could not be read"
        case .invalidCursor: "the cursor is not valid"
        }
    }
}
