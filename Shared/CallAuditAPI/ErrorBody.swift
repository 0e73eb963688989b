/// The JSON body of every error response.
struct ErrorBody: Codable {
    struct Detail: Codable {
        var code: String
        var message: String
    }

    var error: Detail
}
