/// Why the pipeline could not finish a call.
enum PipelineError: Error, CustomStringConvertible {
    /// The input itself is bad (a recording that is not audio, a URL that answers 404): retrying cannot help.
    case permanent(String)
    /// Something outside the call failed (a download timed out, a server answered 5xx): a later attempt may succeed.
    case transient(String)

    var description: String {
        switch self {
        case .permanent(let message), .transient(let message): message
        }
    }
}
