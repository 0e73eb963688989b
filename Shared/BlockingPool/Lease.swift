/// What one use of a connection produced, and the connection to give back.
struct Lease<Connection: Sendable, T: Sendable>: Sendable {
    let connection: Connection?
    let result: Result<T, any Error>
}
