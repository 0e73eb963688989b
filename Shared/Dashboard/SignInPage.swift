/// The sign-in screen (`/login`): an API key (or an admin key) in exchange for a session.
public struct SignInPage: Sendable {
    /// Where to go once signed in (a path of this site).
    public let next: String
    /// Why the last try failed, if it did.
    public let error: String?

    /// Creates the page.
    public init(next: String, error: String? = nil) {
        self.next = next
        self.error = error
    }
}
