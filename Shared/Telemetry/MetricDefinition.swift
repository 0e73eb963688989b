/// One metric CallAudit exports: its Prometheus name, help text and, for a histogram, its buckets.
public struct MetricDefinition: Sendable {
    /// The name in the exposition (Prometheus conventions: base units, `_total` on counters).
    public let name: String
    /// The `# HELP` text.
    public let help: String
    /// Upper bounds of a histogram's buckets in the metric's unit (seconds for durations); `nil` for other kinds.
    public let buckets: [Double]?

    init(_ name: String, _ help: String, buckets: [Double]? = nil) {
        self.name = name
        self.help = help
        self.buckets = buckets
    }
}
