import Foundation

/// How the dashboard writes times, durations, shares and money.
enum DashboardFormat {
    /// `2026-12-02 07:57 UTC`.
    static func time(_ date: Date?) -> String? {
        guard let date else { return nil }
        let text = date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).dateTimeSeparator(.space))
        return String(text.prefix(16)) + " UTC"
    }

    /// `1:05` from seconds.
    static func clock(_ seconds: Double?) -> String? {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return nil }
        let whole = Int(seconds.rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    /// An average score to one decimal, without `.0`: `84`, `72.5`.
    static func score(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// `2026-12-02`, the value of a date field.
    static func day(_ date: Date) -> String {
        String(date.formatted(.iso8601.year().month().day()).prefix(10))
    }

    /// `42%` from 0–1.
    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded()))%"
    }

    /// `$0.0012`.
    static func dollars(_ amount: Double?) -> String? {
        amount.map { String(format: "$%.4f", $0) }
    }

    /// A weight as given (`0.2`) without trailing zeros.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
            .replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }
}
