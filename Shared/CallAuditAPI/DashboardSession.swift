/// A signed-in dashboard user: whose key it was (its identity, never the key) and whether it is an admin key.
struct DashboardSession: Sendable, Equatable {
    /// The first 16 hex digits of the key's SHA-256 digest.
    let identity: String
    /// Whether the key is one of `ADMIN_API_KEYS`: review and dead-letter actions need it.
    let admin: Bool
    /// The session cookie's value, which the CSRF token is derived from.
    let token: String
}
