import CallAuditCore

/// Turns a dialog given as text into segments with roles, from speaker labels ("Клиент:", "Agent:", "상담원:").
///
/// Several turns may stand on one line ("Клиент: Привет! Менеджер: Добрый день!"); a line without a label continues
/// the previous turn (also the turn of a label that stands alone on its line); a leading timestamp ("[00:01:15]",
/// "[00:00.000 --> 00:04.200]", "00:12") is skipped; a role word with a name ("Менеджер Анна:") is that role; other
/// labels ("Speaker 1:", "Иван:") keep their name with the role `unknown`. A text without any label is one turn per
/// line (a leading dialog dash dropped), every turn of role `unknown`: the analysis decides who speaks.
public enum DialogParser {
    /// The segments of `text`, in order.
    public static func segments(from text: String) -> [Segment] {
        let lines = text.split(whereSeparator: \.isNewline).map { splitTurns(withoutTimestamp(Substring($0.trimmed))) }
        guard lines.contains(where: { $0.contains { $0.speaker != nil } }) else {
            return lines.compactMap { turns in
                let body = unlabelledTurn(turns[0].text)
                return body.isEmpty ? nil : Segment(role: .unknown, text: body)
            }
        }
        var segments: [Segment] = []
        for turn in lines.joined() {
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
        return segments.filter { !$0.text.isEmpty }
    }

    /// A line without a leading `[00:01:15]`, `[00:00.000 --> 00:04.200]` or `(00:12)`, or an `00:12` that stands
    /// before a speaker label.
    static func withoutTimestamp(_ line: Substring) -> Substring {
        var rest = line
        if let first = rest.first, first == "[" || first == "(", let close = rest.firstIndex(of: first == "[" ? "]" : ")"),
           rest[rest.index(after: rest.startIndex)..<close].allSatisfy({ $0.isNumber || ":.->, ".contains($0) })
        {
            rest = rest[rest.index(after: close)...]
        } else {
            let time = leadingTime(rest)
            let after = rest.dropFirst(time.count).drop { $0 == " " }
            if !time.isEmpty, leadingLabel(after) != nil {
                rest = after
            }
        }
        return rest.drop { $0 == " " }
    }

    /// The `00:12` or `1:02:03.5` a line starts with, or nothing.
    static func leadingTime(_ line: Substring) -> Substring {
        let time = line.prefix { $0.isNumber || $0 == ":" || $0 == "." }
        return time.contains(":") && time.first?.isNumber == true ? time : line.prefix(0)
    }

    /// An unlabelled line's turn: without a leading time ("00:12 ") or dialog dash ("— ", "- "), trimmed.
    static func unlabelledTurn(_ line: Substring) -> String {
        var rest = Substring(line.trimmed)
        let time = leadingTime(rest)
        if !time.isEmpty, rest.dropFirst(time.count).first == " " { rest = rest.dropFirst(time.count) }
        rest = rest.drop { $0 == " " }
        if let dash = rest.first, "—–-".contains(dash), rest.dropFirst().first == " " { rest = rest.dropFirst(2) }
        return rest.trimmed
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
