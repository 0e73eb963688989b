/// A trend of 0–100 figures over time as columns, drawn by the template as inline SVG.
struct ColumnChart: Sendable {
    struct Column: Sendable {
        let label: String
        let value: String
        let title: String
        let x: Int
        let y: Int
        let height: Int
        let centre: Int
        let band: String
    }

    static let plotHeight = 160
    static let top = 20
    static let columnWidth = 28
    static let gap = 10

    let width: Int
    let height = top + plotHeight + 24
    let baseline = top + plotHeight
    let columns: [Column]
    /// Where the 50 and 75 guide lines are.
    let guide50 = top + plotHeight / 2
    let guide75 = top + plotHeight / 4

    /// Columns for `points` (label, 0–100 value, title with the count behind it).
    init(_ points: [(label: String, value: Double, title: String)]) {
        columns = points.enumerated().map { index, point in
            let height = max(2, Int((min(100, max(0, point.value)) / 100 * Double(Self.plotHeight)).rounded()))
            let x = 30 + index * (Self.columnWidth + Self.gap)
            return Column(label: point.label, value: DashboardFormat.score(point.value), title: point.title, x: x,
                          y: Self.top + Self.plotHeight - height, height: height, centre: x + Self.columnWidth / 2,
                          band: ScoreBand.of(Int(point.value.rounded())))
        }
        width = max(200, 40 + points.count * (Self.columnWidth + Self.gap))
    }
}
