/// JSON text on its way into `jsonb`, which cannot hold the NUL character.
enum JSONText {
    /// `json` as text without its `\u0000` escapes: a provider's answer may carry a NUL that PostgreSQL would refuse
    /// along with the whole result. An escaped backslash followed by `u0000` is text, and stays.
    static func removingNULEscapes(_ json: some Collection<UInt8>) -> String {
        let bytes = Array(json)
        let nul = Array("u0000".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                kept.append(bytes[index])
                index += 1
                continue
            }
            if bytes[(index + 1)...].starts(with: nul) {
                index += 1 + nul.count
            } else {
                kept.append(contentsOf: bytes[index...index + 1])
                index += 2
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
