import CallAuditCore
import CallStore

/// The Managers screen (`/managers`): every manager with analyzed calls in a period, sortable, with a chart of their
/// averages; each row links to the manager's screen.
public struct ManagersPage: Sendable {
    struct Column: Sendable {
        let label: String
        let href: String?
        let numeric: Bool
        let current: Bool
        let direction: String
        let arrow: String
    }

    struct Row: Sendable {
        let managerID: String
        let href: String
        let calls: Int
        let average: String
        let band: String
        let minScore: Int
        let maxScore: Int
        let negativeShare: String
        let profanityShare: String
        let reviewed: Int
        let cost: String
        let criteria: [String]
    }

    let from: String
    let to: String
    let modes: [FormOption]
    let columns: [Column]
    let rows: [Row]
    let chart: HorizontalBarChart
    let csvHref: String
    let empty: Bool
    let error: String?

    /// The screen in `language` for `period`, sorted as `request` asks, with the managers found.
    public init(language: DashboardLanguage, period: ReportPeriod, request: ManagerPageRequest, managers: [ManagerSummary],
                error: String? = nil) {
        let t = DashboardStrings.table(language)
        let form = PeriodForm(period, strings: t)
        from = form.from
        to = form.to
        modes = form.modes
        let criteria = Self.criteriaInRubricOrder(managers)
        func column(_ label: String, sort: String?, current: Bool, numeric: Bool = true) -> Column {
            let descending = current ? !request.descending : sort != "manager"
            let href = sort.map { PageQuery.href("/managers", form.query + [("sort", $0), ("order", descending ? "desc" : "asc")]) }
            return Column(label: label, href: href, numeric: numeric, current: current,
                          direction: request.descending ? "descending" : "ascending", arrow: request.descending ? "↓" : "↑")
        }
        columns = [
            column(t["col_manager"] ?? "", sort: "manager", current: request.sort == .manager, numeric: false),
            column(t["col_calls"] ?? "", sort: "calls", current: request.sort == .calls),
            column(t["col_average"] ?? "", sort: "average", current: request.sort == .average),
            column(t["col_range"] ?? "", sort: nil, current: false),
            column(t["col_negative"] ?? "", sort: nil, current: false),
            column(t["col_profanity_share"] ?? "", sort: nil, current: false),
            column(t["col_reviewed"] ?? "", sort: nil, current: false),
            column(t["col_cost"] ?? "", sort: nil, current: false),
        ] + criteria.map { key, name in
            column(name, sort: "criterion:\(key)", current: request.sort == .criterion(key))
        }
        rows = managers.map { summary in
            let averages = Dictionary(summary.criteria.map { ($0.key, $0.average) }, uniquingKeysWith: { first, _ in first })
            return Row(
                managerID: summary.managerID, href: Self.managerHref(summary.managerID, query: form.query),
                calls: summary.calls, average: DashboardFormat.score(summary.averageScore),
                band: ScoreBand.of(Int(summary.averageScore.rounded())), minScore: summary.minScore, maxScore: summary.maxScore,
                negativeShare: DashboardFormat.percent(summary.negativeSentimentShare),
                profanityShare: DashboardFormat.percent(Double(summary.callsWithProfanity) / Double(max(1, summary.calls))),
                reviewed: summary.reviewedCalls, cost: DashboardFormat.dollars(summary.costUSD) ?? "",
                criteria: criteria.map { key, _ in averages[key].map(DashboardFormat.score) ?? "" })
        }
        chart = HorizontalBarChart(managers.prefix(40).map {
            ($0.managerID, $0.averageScore, Self.managerHref($0.managerID, query: form.query))
        })
        csvHref = PageQuery.href("/v1/reports/managers", [("from", form.from), ("to", PeriodForm.nextDay(form.to)),
                                                          ("mode", form.query[2].1), ("format", "csv")])
        empty = managers.isEmpty && error == nil
        self.error = error
    }

    /// The criteria the managers were scored on (key and name), in the order the rubrics list them (manager, client,
    /// dialog); keys no rubric has last, by name.
    static func criteriaInRubricOrder(_ managers: [ManagerSummary]) -> [(key: String, name: String)] {
        let names = Dictionary(managers.flatMap(\.criteria).map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        var order: [String: Int] = [:]
        for criterion in CallMode.allCases.flatMap({ Rubric.forMode($0).criteria }) where order[criterion.key] == nil {
            order[criterion.key] = order.count
        }
        return names.map { (key: $0.key, name: $0.value) }.sorted {
            (order[$0.key] ?? Int.max, $0.name) < (order[$1.key] ?? Int.max, $1.name)
        }
    }

    /// The address of a manager's screen for the same period.
    static func managerHref(_ managerID: String, query: [(String, String)]) -> String {
        PageQuery.href("/managers/" + PageQuery.encode(managerID), query)
    }
}
