/// A page that only says something: a call that is not there, an API explorer that is not installed.
public struct MessagePage: Sendable {
    /// What the page says.
    public let text: String
    /// Details in a list (the places looked in), if any.
    public let details: [String]

    /// Creates the page.
    public init(text: String, details: [String] = []) {
        self.text = text
        self.details = details
    }
}
