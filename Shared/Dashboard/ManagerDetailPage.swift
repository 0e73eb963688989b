import CallAuditCore
import CallStore
import Foundation

/// The Manager screen (`/managers/{id}`): what a lead needs for a coaching conversation — the manager's figures over a
/// period, the trend by day or week, each criterion against the team's average, and the recent calls.
public struct ManagerDetailPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    struct CriterionRow: Sendable {
        let name: String
        let average: String
        let band: String
        let team: String
        let difference: String
        let sign: String
    }

    struct Example: Sendable {
        let name: String
        let score: Int
        let band: String
        let quote: String
        let href: String
    }

    struct Recent: Sendable {
        let href: String
        let created: String
        let mode: String
        let score: Int
        let band: String
        let sentiment: String
        let sentimentKey: String
        let profanity: Bool
        let callID: String
    }

    let managerID: String
    let path: String
    let callsHref: String
    let from: String
    let to: String
    let modes: [FormOption]
    let buckets: [FormOption]
    let hasCalls: Bool
    let totals: [Fact]
    let trend: ColumnChart
    let criteria: [CriterionRow]
    let recent: [Recent]
    /// The weakest criteria, each with the call where it scored lowest and its quote.
    let examples: [Example]
    let hasExamples: Bool

    /// The screen in `language` of `managerID` over `period`, from the manager's report, every manager's summary
    /// (the team) over the same period and examples of the weakest criteria (weakest first).
    public init(language: DashboardLanguage, managerID: String, period: ReportPeriod, report: ManagerReport,
                team: [ManagerSummary], examples: [CriterionExample] = []) {
        let t = DashboardStrings.table(language)
        let form = PeriodForm(period, strings: t)
        self.managerID = managerID
        path = "/managers/" + PageQuery.encode(managerID)
        callsHref = PageQuery.href("/calls", [("manager_id", managerID), ("from", form.from), ("to", form.to)])
        from = form.from
        to = form.to
        modes = form.modes
        buckets = FormOption.list([TrendBucket.day, .week].map(\.rawValue), chosen: report.bucket.rawValue) { t["bucket_\($0)"] ?? $0 }
        hasCalls = report.summary != nil
        let summary = report.summary
        totals = summary.map { summary in
            [
                Fact(label: t["col_calls"] ?? "", value: String(summary.calls)),
                Fact(label: t["col_average"] ?? "", value: DashboardFormat.score(summary.averageScore)),
                Fact(label: t["col_range"] ?? "", value: "\(summary.minScore)–\(summary.maxScore)"),
                Fact(label: t["total_negative"] ?? "", value: DashboardFormat.percent(summary.negativeSentimentShare)),
                Fact(label: t["total_profanity"] ?? "", value: String(summary.callsWithProfanity)),
                Fact(label: t["col_reviewed"] ?? "", value: String(summary.reviewedCalls)),
                Fact(label: t["col_cost"] ?? "", value: DashboardFormat.dollars(summary.costUSD) ?? ""),
            ]
        } ?? []
        trend = ColumnChart(report.trend.map {
            (label: String(DashboardFormat.day($0.periodStart).dropFirst(5)), value: $0.averageScore,
             title: "\(DashboardFormat.day($0.periodStart)): \(DashboardFormat.score($0.averageScore)), \($0.calls) \(t["col_calls"] ?? "")")
        })
        var teamSums: [String: (sum: Double, calls: Int)] = [:]
        for criterion in team.flatMap(\.criteria) {
            let sum = teamSums[criterion.key, default: (0, 0)]
            teamSums[criterion.key] = (sum.sum + criterion.average * Double(criterion.calls), sum.calls + criterion.calls)
        }
        criteria = (summary?.criteria ?? []).sorted { $0.average < $1.average }.map { criterion in
            let team = teamSums[criterion.key].flatMap { $0.calls > 0 ? $0.sum / Double($0.calls) : nil }
            let difference = team.map { criterion.average - $0 }
            return CriterionRow(
                name: criterion.name, average: DashboardFormat.score(criterion.average),
                band: ScoreBand.of(Int(criterion.average.rounded())), team: team.map(DashboardFormat.score) ?? "",
                difference: difference.map { ($0 >= 0 ? "+" : "−") + DashboardFormat.score(abs($0)) } ?? "",
                sign: (difference ?? 0) < -0.05 ? "below" : "even")
        }
        recent = report.recentCalls.map { call in
            Recent(href: "/calls/\(call.id)", created: DashboardFormat.time(call.createdAt) ?? "",
                   mode: t["mode_short_\(call.mode.rawValue)"] ?? call.mode.rawValue, score: call.totalScore,
                   band: ScoreBand.of(call.totalScore),
                   sentiment: t["sentiment_\(call.sentiment.rawValue)"] ?? call.sentiment.rawValue,
                   sentimentKey: call.sentiment.rawValue, profanity: call.hasProfanity, callID: call.externalID ?? "")
        }
        let names = Dictionary((summary?.criteria ?? []).map { ($0.key, ($0.name, $0.average)) }, uniquingKeysWith: { first, _ in first })
        self.examples = examples.sorted { (names[$0.key]?.1 ?? 0) < (names[$1.key]?.1 ?? 0) }.map {
            Example(name: names[$0.key]?.0 ?? $0.key, score: $0.score, band: ScoreBand.of($0.score), quote: $0.evidence,
                    href: "/calls/\($0.callID.uuidString.lowercased())")
        }
        hasExamples = !self.examples.isEmpty
    }
}
