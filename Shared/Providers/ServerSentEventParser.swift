/// Reads a `text/event-stream` body as it arrives: bytes in, the `data` of each complete event out (several `data:`
/// lines of one event joined by newlines). Comments, `event:`, `id:` and `retry:` lines are read past.
struct ServerSentEventParser {
    private var pending: [UInt8] = []
    private var data: [String] = []

    /// The events that `bytes` completes.
    mutating func feed(_ bytes: [UInt8]) -> [String] {
        pending += bytes
        var events: [String] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pending[..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            pending.removeSubrange(...newline)
            if line.isEmpty {
                if !data.isEmpty { events.append(data.joined(separator: "\n")) }
                data.removeAll()
            } else if line.starts(with: Array("data:".utf8)) {
                var value = String(decoding: line.dropFirst(5), as: UTF8.self)
                if value.hasPrefix(" ") { value.removeFirst() }
                data.append(value)
            }
        }
        return events
    }
}
