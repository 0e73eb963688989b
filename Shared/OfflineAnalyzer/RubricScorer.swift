import CallAuditCore

/// Scores each criterion of a mode's rubric from what the dialog shows, with the quote that shows it.
struct RubricScorer {
    let signals: DialogSignals
    let metrics: CallMetrics
    let sentiment: Sentiment

    func scores(for rubric: Rubric) -> [CriterionScore] {
        rubric.criteria.map { criterion in
            let (score, evidence) = assess(criterion.key, mode: rubric.mode)
            return CriterionScore(key: criterion.key, name: criterion.name, score: score, weight: criterion.weight,
                                  evidence: evidence.map { Self.quote($0.segment.text) })
        }
    }

    /// The score of one criterion and the segment that justifies it.
    func assess(_ key: String, mode: CallMode) -> (Int, SegmentSignals?) {
        let manager = signals.manager
        let customer = signals.customer
        switch key {
        case "rapport":
            let greeting = signals.first(.greeting, in: mode == .dialog ? signals.segments : manager)
            let introduction = signals.first(.introduction, in: manager)
            let help = signals.first(.helpOffer, in: manager)
            let score = (greeting != nil ? 40 : 0) + (introduction != nil ? 40 : 0) + (help != nil ? 20 : 0)
            return (max(score, 10), introduction ?? greeting ?? help)
        case "needs_discovery":
            let needs = manager.filter { $0.has(.needs) || ($0.isQuestion && $0.has(.interest)) }
            let score = needs.isEmpty ? 10 : min(100, 50 + needs.count * 20)
            return (score, needs.first)
        case "questions":
            let questions = manager.filter(\.isQuestion)
            let score = [10, 50, 75][min(questions.count, 2)] + (questions.count >= 3 ? 20 : 0)
            return (score, questions.first)
        case "presentation":
            let offers = manager.filter { $0.has(.presentation) }
            return (offers.isEmpty ? 15 : min(100, 60 + offers.count * 15), offers.first)
        case "objection_handling":
            guard let objection = signals.objection else { return (75, nil) }
            return objection.answer.map { (90, $0) } ?? (25, objection.raised)
        case "next_step":
            guard let agreed = signals.agreedNextStep else { return (10, nil) }
            return (agreed.agreement != nil ? 100 : 75, agreed.step)
        case "politeness":
            let side = mode == .client ? customer : (mode == .dialog ? signals.segments : manager)
            let polite = signals.first(.politeness, in: side)
            let swearing = mode == .client ? signals.profanityCount(of: .customer)
                : mode == .dialog ? signals.profanity.count : signals.profanityCount(of: .manager)
            let rude = side.filter { $0.negative > $0.positive }.count
            let score = 65 + (polite != nil ? 25 : 0) + (signals.first(.greeting, in: side) != nil ? 10 : 0)
                - swearing * 50 - rude * 10
            let evidence = swearing > 0 ? signals.segments[signals.profanity[0].segment] : polite
            return (score, evidence)
        case "engagement":
            let questions = customer.filter(\.isQuestion).count
            let score = (metrics.customerWords >= 15 && customer.count >= 3 ? 80
                : customer.count >= 2 && metrics.customerWords >= 8 ? 50 : 25)
                + min(20, questions * 10)
            return (score, customer.max { $0.words < $1.words })
        case "interest":
            if let interest = signals.first(.interest, in: customer) {
                return (80 + (signals.count(.interest, in: customer) > 1 ? 15 : 0), interest)
            }
            let question = customer.first(where: \.isQuestion)
            return (question == nil ? 30 : 55, question)
        case "objections_resolved":
            guard let objection = signals.objection else { return (50, nil) }
            guard let answer = objection.answer else { return (20, objection.raised) }
            let accepted = customer.first { $0.index > answer.index && ($0.has(.agreement) || $0.positive > $0.negative) }
            return (accepted != nil ? 90 : 55, accepted ?? answer)
        case "sentiment":
            let score = mode == .client ? sentiment.customer.score : sentiment.overall.score
            let side = mode == .client ? customer : signals.segments
            let telling = score < 0 ? side.max { $0.negative < $1.negative } : side.max { $0.positive < $1.positive }
            return (Int((50 + 50 * score).rounded()), telling)
        case "commitment":
            let agreement = signals.first(.agreement, in: customer)
            if let agreed = signals.agreedNextStep, let yes = agreed.agreement { return (95, yes) }
            if let agreement { return (65, agreement) }
            return signals.agreedNextStep.map { (40, $0.step) } ?? (15, nil)
        case "balance":
            guard metrics.managerWords > 0, metrics.customerWords > 0 else { return (10, nil) }
            let score = 100 - Int((abs(metrics.talkRatioManager - 0.55) * 200).rounded())
            return (score, nil)
        default:
            return (50, nil)
        }
    }

    static func quote(_ text: String) -> String {
        text.count <= 160 ? text : String(text.prefix(157)) + "…"
    }
}
