import Foundation

/// Where and how to reach Redis.
public struct RedisConfiguration: Sendable {
    /// The server's host name or address.
    public var host: String
    /// Its TCP port.
    public var port: Int
    /// The ACL user, if any.
    public var username: String?
    /// The password sent with `AUTH`; never shown in errors.
    public var password: String?
    /// The database every connection selects.
    public var database: Int
    /// How long connecting may take.
    public var connectTimeout: Duration
    /// The socket timeout of an ordinary command.
    public var commandTimeout: Duration

    /// Parses `redis://[[user]:password@]host[:port][/db]`; defaults are 127.0.0.1, 6379, database 0, 5 s timeouts.
    /// The password never appears in an error.
    public init(url: String) throws {
        guard let components = URLComponents(string: url) else { throw RedisError.invalidURL("not a URL") }
        guard components.scheme?.lowercased() == "redis" else {
            throw RedisError.invalidURL("the scheme must be redis:// (TLS is not supported)")
        }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        port = components.port ?? 6379
        username = components.user.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        password = components.password.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.isEmpty {
            database = 0
        } else {
            guard let number = Int(path), number >= 0 else { throw RedisError.invalidURL("the database must be a number") }
            database = number
        }
        guard (1...65535).contains(port) else { throw RedisError.invalidURL("the port is out of range") }
        connectTimeout = .seconds(5)
        commandTimeout = .seconds(5)
    }
}
