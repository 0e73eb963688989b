import CallAuditCore

/// Turns a dialog given as text into segments with roles, from speaker labels ("Клиент:", "Agent:", "상담원:").
///
/// Several turns may stand on one line ("Клиент: Привет! Менеджер: Добрый день!"); a line without a label continues
/// the previous turn (also the turn of a label that stands alone on its line); a leading timestamp ("[00:01:15]",
/// "00:12") is skipped; a role word with a name ("Менеджер Анна:") is that role; unknown labels ("Speaker 1:") keep
/// their name and get a role only when the words show it.
public enum DialogParser {
    /// The segments of `text`, in order.
    public static func segments(from text: String) -> [Segment] {
        var segments: [Segment] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = withoutTimestamp(Substring(rawLine.trimmed))
            guard !line.isEmpty else { continue }
            for turn in splitTurns(line) {
                let body = turn.text.trimmed
                if let speaker = turn.speaker {
                    segments.append(Segment(role: turn.role, speaker: speaker, text: body))
                } else if !body.isEmpty {
                    if segments.isEmpty {
                        segments.append(Segment(role: .unknown, text: body))
                    } else {
                        let previous = segments[segments.count - 1].text
                        segments[segments.count - 1].text = previous.isEmpty ? body : previous + " " + body
                    }
                }
            }
        }
        return RoleInference.assignRoles(segments.filter { !$0.text.isEmpty })
    }

    /// A line without a leading `[00:01:15]` or `(00:12)`, or an `00:12` that stands before a speaker label.
    static func withoutTimestamp(_ line: Substring) -> Substring {
        var rest = line
        if let first = rest.first, first == "[" || first == "(", let close = rest.firstIndex(of: first == "[" ? "]" : ")"),
           rest[rest.index(after: rest.startIndex)..<close].allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." || $0 == " " })
        {
            rest = rest[rest.index(after: close)...]
        } else {
            let time = rest.prefix { $0.isNumber || $0 == ":" || $0 == "." }
            let after = rest.dropFirst(time.count).drop { $0 == " " }
            if time.contains(":"), time.first?.isNumber == true, leadingLabel(after) != nil {
                rest = after
            }
        }
        return rest.drop { $0 == " " }
    }

    struct Turn {
        var speaker: String?
        var role: SpeakerRole
        var text: Substring
    }

    /// Splits one line at its labels: a label at the start (known, or name-like), or a known label inside the line
    /// (a word before a colon, after whitespace).
    static func splitTurns(_ line: Substring) -> [Turn] {
        var turns: [Turn] = []
        var current = Turn(speaker: nil, role: .unknown, text: line)
        if let (label, role, rest) = leadingLabel(line) {
            current = Turn(speaker: label, role: role, text: rest)
        }
        var searchFrom = current.text.startIndex
        while let colon = current.text[searchFrom...].firstIndex(of: ":") {
            let before = current.text[..<colon]
            let wordStart = before.lastIndex(where: { $0 == " " }).map { before.index(after: $0) } ?? before.startIndex
            let word = before[wordStart...]
            if wordStart > current.text.startIndex, let role = SpeakerLabels.role(of: String(word), atLineStart: false) {
                turns.append(Turn(speaker: current.speaker, role: current.role, text: current.text[..<wordStart]))
                current = Turn(speaker: String(word), role: role, text: current.text[current.text.index(after: colon)...])
                searchFrom = current.text.startIndex
            } else {
                searchFrom = current.text.index(after: colon)
            }
        }
        turns.append(current)
        return turns
    }

    /// A label at the start of a line, followed by ':' or a dash.
    static func leadingLabel(_ line: Substring) -> (String, SpeakerRole, Substring)? {
        guard let (end, restStart) = labelSeparator(in: line) else { return nil }
        let label = line[..<end].trimmed
        if let role = SpeakerLabels.role(of: label, atLineStart: true) {
            return (label, role, line[restStart...])
        }
        if line[end] == ":", SpeakerLabels.looksLikeName(line[..<end]) {
            let role = label.split(separator: " ").first.flatMap { SpeakerLabels.role(of: String($0), atLineStart: true) }
            return (label, role ?? .unknown, line[restStart...])
        }
        return nil
    }

    /// The first ':' or spaced dash (" — ", " – ", " - ") within the first 24 characters: where a label would end,
    /// and where the turn's text starts.
    static func labelSeparator(in line: Substring) -> (Substring.Index, Substring.Index)? {
        var index = line.startIndex
        var offset = 0
        while index < line.endIndex && offset <= 24 {
            let character = line[index]
            let next = line.index(after: index)
            if character == ":" { return (index, next) }
            if character == " ", next < line.endIndex, "—–-".contains(line[next]) {
                let after = line.index(after: next)
                if after < line.endIndex, line[after] == " " { return (index, line.index(after: after)) }
            }
            index = next
            offset += 1
        }
        return nil
    }
}
