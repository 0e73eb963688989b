/// A piece of a response read as it arrives (``CurlHTTPClient/stream(_:)``): its status and headers first, then its
/// body in the pieces the server sent.
public enum HTTPStreamPart: Sendable, Equatable {
    /// The status and the headers of the final response.
    case head(status: Int, headers: [HTTPHeader])
    /// The next bytes of the body.
    case body([UInt8])
}
