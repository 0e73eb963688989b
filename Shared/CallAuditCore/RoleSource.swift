/// Where the roles of a call's segments came from.
public enum RoleSource: String, Codable, Sendable, CaseIterable {
    /// Every role was given: speaker labels in the text ("Клиент:", "Agent:", "상담원:") or segments that came with
    /// roles; a lone unlabelled speaker opposite a labelled one counts too.
    case labels
    /// The source told the parties apart (stereo channels, diarized or named speakers) and each speaker's role was
    /// inferred from what they say.
    case speakers
    /// Turns without speakers (one per line, or a transcription's segments): each turn's role was inferred from what
    /// it says and from the turns around it.
    case inferred
    /// The analysis model decided.
    case model
    /// Nothing showed clearly enough who is who: the segments whose role was not given stay `unknown`.
    case unknown
}
