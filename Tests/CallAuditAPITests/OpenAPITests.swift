import Foundation
import HummingbirdTesting
import Testing

@testable import CallAuditAPI

@Suite("/openapi.json")
struct OpenAPITests {
    @Test("describes every route the router serves, and nothing it does not")
    func coversRoutes() async throws {
        try await IngestHarness.with { harness, client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok)
            let document = response.json
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented: Set<APIRoute> = []
            for (path, operations) in paths {
                for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                    documented.insert(APIRoute(method: method.uppercased(), path: path))
                }
            }
            let served = Set(APIRoutes.router(harness.dependencies).routes)
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented))")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served))")
        }
    }
}
