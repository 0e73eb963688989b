/// A marker found at a token position; `negated` when a negation stands right before it.
struct MarkerHit: Sendable {
    let marker: Marker
    let position: Int
    let negated: Bool
}
