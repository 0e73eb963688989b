/// What a caller of `acquire` is told to do.
enum AcquireDecision<Connection> {
    case use(Connection)
    case open
    case wait
    case fail(any Error)
}
