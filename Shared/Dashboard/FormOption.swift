/// One choice of a `<select>`.
public struct FormOption: Sendable {
    /// The submitted value.
    public let value: String
    /// What the user reads.
    public let label: String
    /// Whether it is the chosen one.
    public let selected: Bool

    /// The options `values` (labelled through `label`), `chosen` selected; an empty value first when `any` is given.
    static func list(_ values: [String], chosen: String?, any: String? = nil, label: (String) -> String) -> [FormOption] {
        let first = any.map { [FormOption(value: "", label: $0, selected: (chosen ?? "").isEmpty)] } ?? []
        return first + values.map { FormOption(value: $0, label: label($0), selected: $0 == chosen) }
    }
}
