import CallAuditCore

/// Gives roles to speakers whose labels did not say them, from what they say — never "the first speaker is the
/// manager". A speaker who introduces a company or offers help is the manager; when one side is known, the only
/// other speaker is the other side. When nothing shows it, the role stays unknown.
enum RoleInference {
    static func assignRoles(_ segments: [Segment]) -> [Segment] {
        let unknownSpeakers = Array(Set(segments.filter { $0.role == .unknown }.compactMap(\.speaker))).sorted()
        guard !unknownSpeakers.isEmpty else { return segments }
        let knownRoles = Set(segments.map(\.role)).subtracting([.unknown])
        var assigned: [String: SpeakerRole] = [:]
        if unknownSpeakers.count == 1, knownRoles.count == 1, let known = knownRoles.first {
            assigned[unknownSpeakers[0]] = known == .manager ? .customer : .manager
        } else if unknownSpeakers.count == 2, knownRoles.isEmpty {
            let evidence = unknownSpeakers.map { speaker in
                segments.filter { $0.speaker == speaker }.reduce(0) { $0 + managerEvidence(in: $1.text) }
            }
            if evidence[0] != evidence[1] {
                let manager = evidence[0] > evidence[1] ? 0 : 1
                assigned[unknownSpeakers[manager]] = .manager
                assigned[unknownSpeakers[1 - manager]] = .customer
            }
        }
        return segments.map { segment in
            var segment = segment
            if segment.role == .unknown, let speaker = segment.speaker, let role = assigned[speaker] { segment.role = role }
            return segment
        }
    }

    static func managerEvidence(in text: String) -> Int {
        let markers = Lexicon.markers(in: Tokenizer.words(text))
        return markers.filter { [.introduction, .helpOffer, .presentation, .nextStep].contains($0.marker) }.count
    }
}
