/// The criteria of one mode with their weights, and the rule that turns criterion scores into a total.
public struct Rubric: Sendable {
    /// The mode this rubric scores.
    public let mode: CallMode
    /// The criteria, in display order.
    public let criteria: [RubricCriterion]

    /// The rubric of a mode.
    public static func forMode(_ mode: CallMode) -> Rubric {
        switch mode {
        case .manager: return .manager
        case .client: return .client
        case .dialog: return .dialog
        }
    }

    /// The weighted mean of the scores of this rubric's criteria, rounded to 0–100.
    /// Criteria missing from `scores` count as 0; scores for unknown keys are ignored.
    public func total(of scores: [CriterionScore]) -> Int {
        let byKey = Dictionary(scores.map { ($0.key, $0.score) }, uniquingKeysWith: { first, _ in first })
        let weightSum = criteria.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else { return 0 }
        let weighted = criteria.reduce(0.0) { $0 + Double(byKey[$1.key] ?? 0) * $1.weight }
        return min(100, max(0, Int((weighted / weightSum).rounded())))
    }

    /// "Manager+": how well the manager ran the call.
    public static let manager = Rubric(mode: .manager, criteria: [
        RubricCriterion(key: "rapport", name: "Greeting and introduction",
                        description: "The manager greets the customer, introduces themself and the company.", weight: 1.0),
        RubricCriterion(key: "needs_discovery", name: "Needs discovery",
                        description: "The manager finds out what the customer needs before offering anything.", weight: 1.5),
        RubricCriterion(key: "questions", name: "Questions",
                        description: "The manager asks open, relevant questions.", weight: 1.0),
        RubricCriterion(key: "presentation", name: "Presentation",
                        description: "The offer is presented in terms of the customer's needs and benefits.", weight: 1.25),
        RubricCriterion(key: "objection_handling", name: "Objection handling",
                        description: "Doubts and objections are acknowledged and answered.", weight: 1.25),
        RubricCriterion(key: "next_step", name: "Call control and next step",
                        description: "The manager leads the call and agrees a concrete next step.", weight: 1.5),
        RubricCriterion(key: "politeness", name: "Politeness and compliance",
                        description: "The manager is polite, thanks the customer and uses no profanity.", weight: 1.0),
    ])

    /// "Client+": how the customer received the call.
    public static let client = Rubric(mode: .client, criteria: [
        RubricCriterion(key: "engagement", name: "Customer engagement",
                        description: "The customer takes part: answers, asks, shares details.", weight: 1.25),
        RubricCriterion(key: "interest", name: "Interest shown",
                        description: "The customer shows interest in the offer.", weight: 1.5),
        RubricCriterion(key: "objections_resolved", name: "Objections resolved",
                        description: "The customer's doubts end answered rather than open.", weight: 1.25),
        RubricCriterion(key: "sentiment", name: "Customer sentiment",
                        description: "The customer's tone is positive rather than negative.", weight: 1.25),
        RubricCriterion(key: "commitment", name: "Commitment",
                        description: "The customer agrees to a next step, a meeting or a purchase.", weight: 1.5),
        RubricCriterion(key: "politeness", name: "Politeness",
                        description: "The customer stays polite and uses no profanity.", weight: 0.75),
    ])

    /// "Диалог": the conversation as a whole.
    public static let dialog = Rubric(mode: .dialog, criteria: [
        RubricCriterion(key: "rapport", name: "Greeting and rapport",
                        description: "The call opens with a greeting and introduction and builds rapport.", weight: 1.0),
        RubricCriterion(key: "needs_discovery", name: "Needs discovery",
                        description: "The parties establish what the customer needs.", weight: 1.25),
        RubricCriterion(key: "balance", name: "Balance of the dialog",
                        description: "Both parties speak; neither monologues.", weight: 1.0),
        RubricCriterion(key: "objection_handling", name: "Objection handling",
                        description: "Objections raised in the call are addressed.", weight: 1.0),
        RubricCriterion(key: "next_step", name: "Outcome and next step",
                        description: "The call ends with an agreed next step.", weight: 1.25),
        RubricCriterion(key: "sentiment", name: "Tone of the conversation",
                        description: "The conversation stays positive or neutral.", weight: 1.0),
        RubricCriterion(key: "politeness", name: "Politeness and compliance",
                        description: "Both parties are polite; no profanity.", weight: 1.0),
    ])
}
