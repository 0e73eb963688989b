import CallAuditCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport

@testable import CallAuditAPI

@Suite("openapi.yaml")
struct OpenAPITests {
    @Test("describes every route the router serves, and nothing it does not")
    func coversRoutes() async throws {
        try await IngestHarness.with { harness, client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok)
            let contract = try OpenAPIContract(json: response.text)
            #expect(contract.document["openapi"] == .string("3.1.0"))
            var documented: Set<APIRoute> = []
            for (path, operations) in contract.paths {
                for method in operations.keys where ["get", "post", "put", "delete", "patch"].contains(method) {
                    documented.insert(APIRoute(method: method.uppercased(), path: path))
                }
            }
            let served = Set(APIRoutes.router(harness.dependencies).routes)
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented))")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served))")
        }
    }

    @Test("/openapi.yaml is the checked-in file, /openapi.json the same document with YAML's types kept")
    func servesBothForms() async throws {
        try await IngestHarness.with { _, client in
            let yaml = try await client.get("/openapi.yaml")
            #expect(yaml.status == .ok)
            #expect(yaml.headers[.contentType]?.hasPrefix("application/yaml") == true)
            #expect(yaml.text == (try String(contentsOfFile: "openapi.yaml", encoding: .utf8)))
            let contract = try OpenAPIContract(json: try await client.get("/openapi.json").text)
            #expect(contract.document["info"]?["version"] == .string("1.0.0"))
            let list = try #require(contract.paths["/v1/calls"]?["get"])
            #expect(list["operationId"] == .string("listCalls"))
            #expect(contract.paths["/v1/admin/dead-letters"]?["get"]?["security"]
                == .array([.object(["adminBearerAuth": .array([])])]))
            let schemas = try #require(contract.document["components"]?["schemas"])
            #expect(schemas["Criterion"]?["properties"]?["score"]?["maximum"] == .number(100))
        }
    }

    @Test("every operation has a unique operationId and an example, valid under its schema, for every status it answers")
    func operationsAreComplete() async throws {
        let contract = try SharedContract.contract.get()
        var operationIDs: [String] = []
        for (path, operations) in contract.paths.sorted(by: { $0.key < $1.key }) {
            for (method, operation) in operations.sorted(by: { $0.key < $1.key }) {
                let name = "\(method.uppercased()) \(path)"
                guard case .string(let operationID)? = operation["operationId"] else {
                    Issue.record("\(name) has no operationId")
                    continue
                }
                operationIDs.append(operationID)
                guard case .object(let responses)? = operation["responses"] else {
                    Issue.record("\(name) has no responses")
                    continue
                }
                let statuses = Set(responses.keys)
                if operation["security"] != .array([]) {
                    #expect(statuses.contains("401"), "\(name) is behind a key and does not list 401")
                    #expect(statuses.contains("503"), "\(name) reads Redis or PostgreSQL and does not list 503")
                }
                if operation["security"] == nil || path.hasPrefix("/v1/webhooks") || path.hasPrefix("/webhook/") {
                    #expect(statuses.contains("429"), "\(name) is rate limited and does not list 429")
                }
                for (status, listed) in responses {
                    let content = contract.dereference(listed)["content"]
                    guard case .object(let media)? = content, !media.isEmpty else {
                        Issue.record("\(name) \(status) names no content type")
                        continue
                    }
                    for (mediaType, description) in media {
                        let examples = Self.examples(description)
                        #expect(!examples.isEmpty, "\(name) \(status) \(mediaType) has no example")
                        guard let schema = description["schema"] else { continue }
                        for example in examples {
                            let problems = contract.validator.problems(of: example, against: schema)
                            #expect(problems.isEmpty, "\(name) \(status) \(mediaType): the example breaks the schema: \(problems)")
                        }
                    }
                }
            }
        }
        #expect(operationIDs.count == Set(operationIDs).count, "operationIds repeat: \(operationIDs.sorted())")
        #expect(operationIDs.count == 29)
    }

    @Test("a response that breaks the document fails the request that received it")
    func rejectsWrongResponses() async throws {
        let contract = try SharedContract.contract.get()
        let router = Router()
        router.post("/v1/calls") { _, _ in
            Response(status: .accepted, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"id": 5, "status": "sleeping"}"#)))
        }
        router.get("/v1/calls/:id") { _, _ in Response(status: .init(code: 418)) }
        router.get("/v1/undocumented") { _, _ in "hello" }
        try await Application(router: router).test(.router) { client in
            let checked = ContractCheckingClient(client: client, contract: contract)
            let wrongBody = await #expect(throws: ContractCheckingClient.ContractViolation.self) {
                try await checked.post("/v1/calls", json: "{}")
            }
            let problems = wrongBody?.problems.joined(separator: "\n") ?? ""
            #expect(problems.contains("$: links is missing"))
            #expect(problems.contains("$.id: 5 is not of type string"))
            #expect(problems.contains(#"$.status: "sleeping" is not one of"#))
            let wrongStatus = await #expect(throws: ContractCheckingClient.ContractViolation.self) {
                try await checked.get("/v1/calls/0b7c6f1e-3c1a-4f1e-9a59-0d6a2b7a8c11")
            }
            #expect(wrongStatus?.problems == ["GET /v1/calls/{id} 418: the document lists no such status"])
            await #expect(throws: ContractCheckingClient.ContractViolation.self) { try await checked.get("/v1/undocumented") }
        }
    }

    @Test("OPENAPI_PATH naming a missing or foreign file stops the start with a message naming it")
    func refusesBadFiles() throws {
        let missing = #expect(throws: ConfigurationError.self) { try OpenAPIDocument.load(path: "/nonexistent/openapi.yaml") }
        #expect(missing?.description == "OPENAPI_PATH: /nonexistent/openapi.yaml cannot be read")
        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent("not-openapi-\(UUID()).yaml")
        try "title: a shopping list\nitems: [milk, bread]\n".write(to: foreign, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: foreign) }
        let refused = #expect(throws: ConfigurationError.self) { try OpenAPIDocument.load(path: foreign.path) }
        #expect(refused?.description.contains("is not an OpenAPI 3 document") == true)
    }

    /// The examples of a media type: `example`, or the values of `examples`.
    static func examples(_ media: JSONValue) -> [JSONValue] {
        if let example = media["example"] { return [example] }
        guard case .object(let named)? = media["examples"] else { return [] }
        return named.values.compactMap { $0["value"] }
    }
}
