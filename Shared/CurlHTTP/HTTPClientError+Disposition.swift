import FailurePolicy

extension HTTPClientError {
    /// A timeout or a broken connection may go through next time; a malformed or refused URL, a scheme that is not
    /// HTTP, an internal address or an answer over the size cap will not.
    public var disposition: FailureDisposition {
        switch self {
        case .timeout, .transport: .retry(after: nil)
        case .invalidURL, .unsupportedScheme, .forbiddenAddress, .tooLarge: .permanent
        }
    }
}
