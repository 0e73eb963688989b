import Foundation

/// Where and how to reach Redis.
public struct RedisConfiguration: Sendable {
    /// The server's host name or IP address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The ACL user to authenticate as; `nil` authenticates the default user (with ``password``).
    public var username: String?
    /// The password sent with `AUTH`; `nil` skips `AUTH`. It never appears in errors, logs or ``description``.
    public var password: String?
    /// The database each connection selects (`SELECT`) when it is not 0.
    public var database: Int
    /// How long opening a connection may take.
    public var connectTimeout: Duration
    /// The socket timeout of an ordinary command.
    public var commandTimeout: Duration

    /// Parses `redis://[[user]:password@]host[:port][/db]` (percent-encoded user and password are decoded);
    /// defaults are 127.0.0.1, 6379, database 0 and 5 s timeouts. `rediss://` (TLS) is refused.
    /// Throws ``RedisError/invalidURL(_:)``, whose reason never repeats the URL, so never the password.
    public init(url: String) throws {
        guard let components = URLComponents(string: url) else { throw RedisError.invalidURL("not a URL") }
        guard components.scheme?.lowercased() == "redis" else {
            throw RedisError.invalidURL("the scheme must be redis:// (TLS is not supported)")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 6379
        guard (1...65535).contains(port) else { throw RedisError.invalidURL("the port is out of range") }
        username = components.user.flatMap { $0.isEmpty ? nil : $0 }
        password = components.password.flatMap { $0.isEmpty ? nil : $0 }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.isEmpty {
            database = 0
        } else {
            guard let number = Int(path), number >= 0 else { throw RedisError.invalidURL("the database must be a number") }
            database = number
        }
        connectTimeout = .seconds(5)
        commandTimeout = .seconds(5)
    }
}
