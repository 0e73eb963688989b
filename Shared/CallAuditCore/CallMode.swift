/// The rubric a call is scored against.
///
/// `manager` scores the manager's work ("Manager+"), `client` the customer's reactions ("Client+"),
/// `dialog` the conversation as a whole ("Диалог").
public enum CallMode: String, Codable, Sendable, CaseIterable {
    case manager
    case client
    case dialog

    /// Parses the API spelling or one of the sales-audit seed's spellings (`Manager+`, `Client+`, `Диалог`),
    /// ignoring case and surrounding spaces. Returns `nil` for anything else.
    public init?(parsing text: String) {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        switch key {
        case "manager", "manager+", "менеджер", "менеджер+": self = .manager
        case "client", "client+", "customer", "клиент", "клиент+": self = .client
        case "dialog", "dialogue", "диалог", "диалог+": self = .dialog
        default: return nil
        }
    }
}
