import CallStore
import Foundation
import Hummingbird

/// The `202` answer to a submitted call.
struct AcceptedCall: ResponseEncodable {
    struct Links: Encodable {
        var `self`: String
    }

    var id: String
    var status: String
    var links: Links

    init(_ stored: StoredCall) {
        id = stored.id.uuidString.lowercased()
        status = stored.status.rawValue
        links = Links(self: "/v1/calls/\(id)")
    }

    func accepted() -> EditedResponse<AcceptedCall> {
        EditedResponse(status: .accepted, response: self)
    }
}
