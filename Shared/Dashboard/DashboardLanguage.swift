/// A language of the dashboard's labels. Dialogs, summaries and other text users sent are shown as written.
public enum DashboardLanguage: String, CaseIterable, Sendable {
    case en
    case ru
    case ko

    /// The cookie that keeps the language a user picked with the switch.
    public static let cookieName = "callaudit_lang"

    /// The language of a page: `?lang=` (the switch), else the cookie, else the first language of `Accept-Language`
    /// (by `q`) the dashboard speaks, else English.
    public static func chosen(query: String?, cookie: String?, acceptLanguage: String?) -> DashboardLanguage {
        if let language = query.flatMap(DashboardLanguage.init(rawValue:)) { return language }
        if let language = cookie.flatMap(DashboardLanguage.init(rawValue:)) { return language }
        return preferred(acceptLanguage) ?? .en
    }

    /// The first language of an `Accept-Language` header (`ru-RU,ru;q=0.9,en;q=0.5`) the dashboard speaks.
    static func preferred(_ header: String?) -> DashboardLanguage? {
        guard let header else { return nil }
        let ranges = header.split(separator: ",").enumerated().compactMap { index, item -> (Double, Int, DashboardLanguage)? in
            let parts = item.split(separator: ";").map { $0.trimmed }
            guard let tag = parts.first?.lowercased(), let primary = tag.split(separator: "-").first,
                  let language = DashboardLanguage(rawValue: String(primary))
            else { return nil }
            let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return weight > 0 ? (weight, index, language) : nil
        }
        return ranges.min { ($0.0, -$0.1) > ($1.0, -$1.1) }?.2
    }

    /// The language's own name, for the switch.
    var ownName: String { CallLanguageName.name(of: rawValue) }
}
