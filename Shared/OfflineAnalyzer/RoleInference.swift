import CallAuditCore

/// Gives roles to segments whose source did not say them, from what is said — never "the first speaker is the
/// manager" — and says how sure that is.
///
/// A segment leans towards the manager when it introduces the speaker or a company, offers help, asks for an account
/// or order number, checks something, states prices or next steps; towards the customer when it states a problem or
/// a request (``leaning(of:)``). Named speakers (stereo channels, diarization, "Speaker 1:") keep one role each: a
/// lone unknown speaker opposite a labelled side is the other side; of two unknown speakers, the one whose words lean
/// more towards the manager is the manager. Turns without a speaker are decided together by ``TurnRoleDecoder``,
/// with the roles already known fixed. An assignment whose confidence is below ``threshold``, or that leaves the call
/// with one party only, is not made: those segments stay `unknown`.
enum RoleInference {
    /// The least confidence at which inferred roles are kept.
    static let threshold = 0.5
    /// Leaning points counted against every assignment besides the evidence itself, so that little evidence means
    /// little confidence: one strong cue alone (2 points) reaches the ``threshold`` exactly, a weak one (1) does not.
    static let evidencePrior = 2.0

    /// The segments with the roles that could be inferred, and how the roles were decided: when both named speakers
    /// and bare turns had to be decided, the less sure of the two decisions is the call's.
    static func infer(_ input: [SegmentSignals]) -> ([SegmentSignals], RoleAssignment) {
        let labelled = RoleAssignment(source: .labels, confidence: 1)
        guard input.contains(where: { $0.role == .unknown }) else { return (input, labelled) }
        let leanings = input.map { $0.role == .unknown ? leaning(of: $0) : 0 }
        var segments = input
        let steps = [bySpeaker(&segments, leanings: leanings), byTurn(&segments, leanings: leanings)].compactMap { $0 }
        return (segments, steps.min { ($0.confidence ?? 0) < ($1.confidence ?? 0) } ?? labelled)
    }

    /// One role for each unknown named speaker; nil when there is no such speaker, or both sides are labelled (a third
    /// speaker is neither).
    static func bySpeaker(_ segments: inout [SegmentSignals], leanings: [Double]) -> RoleAssignment? {
        let open = segments.indices.filter { segments[$0].role == .unknown && segments[$0].segment.speaker != nil }
        let speakers = Array(Set(open.compactMap { segments[$0].segment.speaker })).sorted()
        let known = Set(segments.map(\.role)).subtracting([.unknown])
        guard !speakers.isEmpty, known.count < 2 else { return nil }
        var roles: [String: SpeakerRole] = [:]
        let assignment: RoleAssignment
        if speakers.count == 1, let side = known.first {
            roles[speakers[0]] = side == .manager ? .customer : .manager
            assignment = RoleAssignment(source: .labels, confidence: 1)
        } else if speakers.count == 2, known.isEmpty {
            let sums = speakers.map { speaker in
                open.filter { segments[$0].segment.speaker == speaker }.reduce(0.0) { $0 + leanings[$1] }
            }
            let evidence = open.reduce(0.0) { $0 + abs(leanings[$1]) }
            let confidence = confidence(support: abs(sums[0] - sums[1]), evidence: evidence)
            guard confidence >= threshold else { return RoleAssignment(source: .unknown, confidence: confidence) }
            let manager = sums[0] > sums[1] ? 0 : 1
            roles[speakers[manager]] = .manager
            roles[speakers[1 - manager]] = .customer
            assignment = RoleAssignment(source: .speakers, confidence: confidence)
        } else {
            return RoleAssignment(source: .unknown, confidence: 0)
        }
        for index in open {
            if let speaker = segments[index].segment.speaker, let role = roles[speaker] { segments[index].role = role }
        }
        return assignment
    }

    /// Roles for the unknown turns without a speaker, decided together; nil when there are none.
    static func byTurn(_ segments: inout [SegmentSignals], leanings: [Double]) -> RoleAssignment? {
        let targets = segments.indices.filter { segments[$0].role == .unknown && segments[$0].segment.speaker == nil }
        guard !targets.isEmpty else { return nil }
        let decoded = TurnRoleDecoder.decode(segments.indices.map { index in
            switch segments[index].role {
            case .manager: (manager: 0, customer: -.infinity)
            case .customer: (manager: -.infinity, customer: 0)
            case .unknown: (manager: leanings[index], customer: -leanings[index])
            }
        })
        let decided = targets.filter { decoded[$0].margin > 0 }
        let support = decided.reduce(0.0) { $0 + (decoded[$1].isManager ? leanings[$1] : -leanings[$1]) }
        let evidence = targets.reduce(0.0) { $0 + abs(leanings[$1]) }
        var sides = Set(segments.map(\.role))
        for index in decided { sides.insert(decoded[index].isManager ? .manager : .customer) }
        let twoParties = sides.contains(.manager) && sides.contains(.customer)
        let confidence = twoParties ? confidence(support: support, evidence: evidence) : 0
        guard confidence >= threshold else { return RoleAssignment(source: .unknown, confidence: confidence) }
        for index in decided { segments[index].role = decoded[index].isManager ? .manager : .customer }
        return RoleAssignment(source: .inferred, confidence: confidence)
    }

    /// The share of the evidence (plus ``evidencePrior``) that supports an assignment, to two decimals.
    static func confidence(support: Double, evidence: Double) -> Double {
        (max(0, support) / (evidence + evidencePrior) * 100).rounded() / 100
    }

    /// Manager points minus customer points of what a segment says: a strong cue (an introduction, an offer of help,
    /// the agent's service phrases, the customer's problem or request) is worth 2, a weaker one (an offer with its
    /// price stated, a next step, an answer to an objection; an objection or a complaint) 1.
    static func leaning(of segment: SegmentSignals) -> Double {
        segment.markers.reduce(0.0) { sum, marker in
            switch marker {
            case .introduction, .helpOffer, .service: sum + 2
            case .nextStep, .objectionResponse: sum + 1
            case .presentation: segment.isQuestion ? sum : sum + 1
            case .request: sum - 2
            case .objection, .complaint: sum - 1
            default: sum
            }
        }
    }
}
