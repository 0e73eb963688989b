import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import TestSupport

/// The API tests' client: it passes each request on and holds the response against the OpenAPI file, so that every
/// response any test receives is checked; one the file does not describe fails the test with `ContractViolation`.
struct ContractCheckingClient: TestClientProtocol {
    let client: any TestClientProtocol
    let contract: OpenAPIContract

    /// A response the OpenAPI file does not describe, with what is wrong.
    struct ContractViolation: Error, CustomStringConvertible {
        let request: String
        let problems: [String]

        var description: String { "the response to \(request) breaks /openapi.json: \(problems.joined(separator: "; "))" }
    }

    var port: Int? { client.port }

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers, body: body)
        let headers = Dictionary(response.headers.map { ($0.name.canonicalName, $0.value) }) { first, _ in first }
        let problems = contract.problems(
            method: method.rawValue, path: uri, status: Int(response.status.code), headers: headers, body: Data(buffer: response.body))
        guard problems.isEmpty else { throw ContractViolation(request: "\(method.rawValue) \(uri)", problems: problems) }
        return response
    }
}
