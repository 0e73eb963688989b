/// The lexicon's entries in a trie over Unicode scalars, so that finding every stem, exact word and phrase at a word
/// position is one walk with no strings built.
struct LexiconTrie: Sendable {
    struct Node: Sendable {
        var children: [UInt32: Int32] = [:]
        /// Markers of stems that end here: they match any word that starts with the path.
        var stemMarkers: [Marker] = []
        /// Markers of exact words (`да=`) that end here: they match only when the word ends here too.
        var exactMarkers: [Marker] = []
    }

    static let space: UInt32 = 0x20
    private(set) var nodes = [Node()]

    init(_ entries: [Marker: [String]]) {
        for (marker, texts) in entries {
            for text in texts {
                let exact = text.hasSuffix("=")
                var node = 0
                for scalar in (exact ? String(text.dropLast()) : text).unicodeScalars {
                    node = child(of: node, scalar.value)
                }
                if exact { nodes[node].exactMarkers.append(marker) } else { nodes[node].stemMarkers.append(marker) }
            }
        }
    }

    private mutating func child(of node: Int, _ scalar: UInt32) -> Int {
        if let next = nodes[node].children[scalar] { return Int(next) }
        nodes.append(Node())
        nodes[node].children[scalar] = Int32(nodes.count - 1)
        return nodes.count - 1
    }

    /// The markers of every entry that starts at `words[start]`: stems and exact words, and phrases of up to three words
    /// whose last word may be a stem.
    func markers(in words: [Word], at start: Int) -> [Marker] {
        var found: [Marker] = []
        var node = 0
        var index = start
        while index < words.count && index < start + 3 {
            for scalar in words[index] {
                guard let next = nodes[node].children[scalar] else { return found }
                node = Int(next)
                found += nodes[node].stemMarkers
            }
            found += nodes[node].exactMarkers
            guard let next = nodes[node].children[Self.space] else { return found }
            node = Int(next)
            index += 1
        }
        return found
    }
}
