extension Duration {
    /// The duration in whole milliseconds, as Redis commands, libcurl and SQL intervals take it.
    public var wholeMilliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
