/// What a word or phrase signals in a call.
enum Marker: Sendable, Hashable {
    case positive, negative
    case greeting, introduction, helpOffer
    case needs, presentation
    case objection, objectionResponse
    case nextStep, agreement
    case politeness, interest, complaint
}
