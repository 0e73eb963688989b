import CallAuditCore

/// Speaker labels in Russian, Korean and English and the role each names.
enum SpeakerLabels {
    static let roles: [String: SpeakerRole] = {
        var roles: [String: SpeakerRole] = [:]
        for label in [
            "менеджер", "оператор", "продавец", "консультант", "сотрудник", "агент", "специалист", "м",
            "manager", "agent", "operator", "sales", "rep", "support", "salesperson", "consultant", "seller", "a",
            "상담원", "상담사", "매니저", "직원", "판매원", "영업", "상담",
        ] { roles[label] = .manager }
        for label in [
            "клиент", "покупатель", "абонент", "заказчик", "к",
            "customer", "client", "caller", "buyer", "c",
            "고객", "손님", "고객님",
        ] { roles[label] = .customer }
        return roles
    }()

    /// Single letters are labels only at the start of a line ("К: …"), never inside one.
    static func role(of label: String, atLineStart: Bool) -> SpeakerRole? {
        let key = label.lowercased()
        if key.count == 1 && !atLineStart { return nil }
        return roles[key]
    }

    /// Whether a line-start prefix looks like a speaker name ("Speaker 1", "SPEAKER_00", "Иван").
    static func looksLikeName(_ text: Substring) -> Bool {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, trimmed.count <= 24, trimmed.first?.isLetter == true else { return false }
        let words = trimmed.split(separator: " ")
        return words.count <= 2 && trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "_" || $0 == "." }
    }
}
