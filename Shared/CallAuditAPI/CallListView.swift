import Hummingbird

/// One page of `GET /v1/calls`.
struct CallListView: ResponseEncodable {
    var calls: [CallView]
    var nextCursor: String?

    enum CodingKeys: String, CodingKey {
        case calls
        case nextCursor = "next_cursor"
    }
}
