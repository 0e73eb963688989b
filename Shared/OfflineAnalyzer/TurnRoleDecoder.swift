/// Decides the roles of a dialog's turns together, under the prior that turns mostly alternate: a two-state Viterbi
/// pass forward and one backward (O(n)) give each turn the role of the best assignment and the margin by which the
/// best assignment with that role beats the best one with the other role (0: a tie, the turn cannot be told).
enum TurnRoleDecoder {
    /// What a change of speaker between two turns is worth, in the units of the turns' scores (a turn scores plus or
    /// minus its leaning, a strong cue being 2): holding the alternation against a turn's evidence costs twice that
    /// evidence, so the alternation breaks where more than 2 points contradict it beyond the break, and one strong cue
    /// against it ties (a tie decides nothing). A lone turn against both neighbours needs more than 4.
    static let alternation = 4.0

    /// Each turn's best role and its margin, from each turn's score as the manager and as the customer (`-infinity`
    /// for a role the turn cannot have).
    static func decode(_ scores: [(manager: Double, customer: Double)]) -> [(isManager: Bool, margin: Double)] {
        guard let first = scores.first else { return [] }
        var forward = [first]
        forward.reserveCapacity(scores.count)
        for score in scores.dropFirst() {
            let last = forward[forward.count - 1]
            forward.append((manager: score.manager + max(last.manager, last.customer + alternation),
                            customer: score.customer + max(last.customer, last.manager + alternation)))
        }
        var backward = [(manager: Double, customer: Double)](repeating: (0, 0), count: scores.count)
        for index in scores.indices.dropLast().reversed() {
            let (next, after) = (scores[index + 1], backward[index + 1])
            let stayManager = next.manager + after.manager
            let stayCustomer = next.customer + after.customer
            backward[index] = (manager: max(stayManager, stayCustomer + alternation),
                               customer: max(stayCustomer, stayManager + alternation))
        }
        return scores.indices.map { index in
            let manager = forward[index].manager + backward[index].manager
            let customer = forward[index].customer + backward[index].customer
            return (manager >= customer, abs(manager - customer))
        }
    }
}
