/// Where a call can be read.
struct CallLinks: Encodable {
    var `self`: String
}
