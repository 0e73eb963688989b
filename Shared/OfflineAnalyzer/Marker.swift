/// What a word or phrase signals in a call.
enum Marker: Sendable, Hashable {
    case positive, negative
    case greeting, introduction, helpOffer
    case needs, presentation
    case objection, objectionResponse
    case nextStep, agreement
    case politeness, interest, complaint
    /// The agent's side of serving a customer: asking for an account or order number, checking, apologising for the
    /// company, thanking for the call (tells the manager from the customer in dialogs without labels).
    case service
    /// The customer's side: a problem or a request stated in the first person.
    case request
}
