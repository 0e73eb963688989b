import TestSupport

@testable import CallAuditAPI

/// openapi.yaml read and parsed once for the whole run: every API test serves it and holds its responses against it,
/// and parsing it anew for each test kept the few threads the tests share busy for seconds.
enum SharedContract {
    /// The checked-in document, as the ingest finds it.
    static let document = Result { try OpenAPIDocument.load(path: nil) }
    /// The document as a contract for responses.
    static let contract = document.map { OpenAPIContract(document: $0.value) }
}
