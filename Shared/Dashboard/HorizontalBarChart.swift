/// A chart of 0–100 figures as horizontal bars, one per row, drawn by the template as inline SVG (no script, no
/// network). Labels are user data: the template escapes them like any text.
struct HorizontalBarChart: Sendable {
    struct Bar: Sendable {
        let label: String
        let value: String
        let href: String?
        let y: Int
        let textY: Int
        let width: Int
        let valueX: Int
        let band: String
    }

    static let labelWidth = 170
    static let plotWidth = 380
    static let rowHeight = 30

    let width = labelWidth + plotWidth + 60
    let height: Int
    let bars: [Bar]

    /// Bars for `items` (label, 0–100 value, link); a label longer than 22 characters is cut.
    init(_ items: [(label: String, value: Double, href: String?)]) {
        bars = items.enumerated().map { index, item in
            let y = index * Self.rowHeight + 4
            let width = max(2, Int((min(100, max(0, item.value)) / 100 * Double(Self.plotWidth)).rounded()))
            let label = item.label.count > 22 ? String(item.label.prefix(21)) + "…" : item.label
            return Bar(label: label, value: DashboardFormat.score(item.value), href: item.href, y: y, textY: y + 16,
                       width: width, valueX: Self.labelWidth + 10 + width + 6, band: ScoreBand.of(Int(item.value.rounded())))
        }
        height = max(1, items.count) * Self.rowHeight + 8
    }
}
