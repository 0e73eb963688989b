/// A link on a page: what it says, where it goes, and whether it is the page (or the choice) shown now.
public struct PageLink: Sendable {
    /// The link's text.
    public let label: String
    /// Its address.
    public let href: String
    /// Whether it stands for what is shown now.
    public let current: Bool
}
