/// What every page shares: its language and labels, its title, the navigation and the language switch.
public struct PageFrame: Sendable {
    /// The page's language code (`<html lang>`).
    public let lang: String
    /// The labels in that language.
    public let strings: [String: String]
    /// The page's title.
    public let title: String
    /// The screens, the current one marked.
    public let nav: [PageLink]
    /// The page itself in each language.
    public let languages: [PageLink]
    /// The JSON address a page that follows a call polls, when it does.
    public let poll: String?
    /// The signed-in user's CSRF token, which every form posts as `csrf`; `nil` without a session.
    public let csrf: String?
    /// Whether someone is signed in (the header offers to sign out).
    public let signedIn: Bool
    /// Where to sign in, when sign-in exists and nobody is signed in.
    public let signInHref: String?

    /// The frame of the page at `path` with query `query` (name and value pairs as received), in `language`.
    public init(
        language: DashboardLanguage, section: DashboardSection?, title: String, path: String, query: [(String, String)],
        poll: String? = nil, csrf: String? = nil, signInHref: String? = nil
    ) {
        let strings = DashboardStrings.table(language)
        lang = language.rawValue
        self.strings = strings
        self.title = title
        nav = DashboardSection.allCases.map {
            PageLink(label: strings["nav_\($0.rawValue)"] ?? $0.rawValue, href: $0.href, current: $0 == section)
        }
        let kept = query.filter { $0.0 != "lang" }
        languages = DashboardLanguage.allCases.map {
            PageLink(label: $0.ownName, href: PageQuery.href(path, kept + [("lang", $0.rawValue)]), current: $0 == language)
        }
        self.poll = poll
        self.csrf = csrf
        signedIn = csrf != nil
        self.signInHref = signInHref
    }
}
