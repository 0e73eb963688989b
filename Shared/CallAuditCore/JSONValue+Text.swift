import Foundation

extension JSONValue {
    /// The value as compact JSON text with sorted keys (one message on a socket, one line).
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(self)) ?? Data("null".utf8), as: UTF8.self)
    }
}
