import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A local HTTP server that speaks the providers' wire formats — OpenAI and OpenAI-compatible, Azure OpenAI and
/// Hugging Face — and a CRM taking callback events under `/crm/`, records every request, and answers as scripted
/// (errors, `retry-after`, slow answers) or, by default, with a real-shaped success.
public final class FakeProviderServer: Sendable {
    /// The port it listens on (loopback).
    public let port: Int
    let log: FakeProviderLog

    init(port: Int, log: FakeProviderLog) {
        self.port = port
        self.log = log
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs a server for the duration of `body`.
    public static func with(_ body: @escaping @Sendable (FakeProviderServer) async throws -> Void) async throws {
        let log = FakeProviderLog()
        try await LoopbackServer.run(router(log)) { port in try await body(FakeProviderServer(port: port, log: log)) }
    }

    /// Answers the next requests whose path ends with `pathSuffix` with `responses`, in order; then the default.
    public func script(_ pathSuffix: String, _ responses: FakeResponse...) async {
        await log.script(pathSuffix, responses)
    }

    /// The requests received so far whose path contains `fragment` (all when `nil`).
    public func requests(_ fragment: String? = nil) async -> [RecordedRequest] {
        let all = await log.requests
        guard let fragment else { return all }
        return all.filter { $0.path.contains(fragment) }
    }

    /// Makes every answer to a path ending with `pathSuffix` wait `delay` (a slow provider).
    public func slowDown(_ pathSuffix: String, by delay: Duration) async {
        await log.slowDown(pathSuffix, by: delay)
    }

    /// Serves `bytes` at `GET path` (a recording behind a URL).
    public func serve(_ path: String, _ bytes: [UInt8]) async {
        await log.serve(path, bytes)
    }

    /// Forgets requests and scripts.
    public func reset() async {
        await log.reset()
    }

    static func router(_ log: FakeProviderLog) -> Router<BasicRequestContext> {
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            let body = try await request.body.collect(upTo: 256 * 1024 * 1024)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let recorded = RecordedRequest(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
                headers: headers, body: Array(buffer: body))
            var answer = await log.record(recorded) ?? defaultAnswer(recorded)
            answer.delay = max(answer.delay, await log.delay(for: recorded.path))
            if answer.delay > .zero { try await Task.sleep(for: answer.delay) }
            var fields = HTTPFields()
            for (name, value) in answer.headers { if let name = HTTPField.Name(name) { fields[name] = value } }
            return Response(status: .init(code: answer.status), headers: fields,
                            body: .init(byteBuffer: ByteBuffer(string: answer.body)))
        }
        router.on("**", method: .get) { request, _ -> Response in
            guard let bytes = await log.file(request.uri.path) else { return Response(status: .notFound) }
            return Response(status: .ok, headers: [.contentType: "audio/wav"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        return router
    }

    static func defaultAnswer(_ request: RecordedRequest) -> FakeResponse {
        if request.path.hasSuffix("audio/transcriptions") { return FakeAnswers.transcription(format: request.field("response_format")) }
        if request.path.contains("/hf-inference/models/") { return FakeAnswers.huggingFace }
        if request.path.hasSuffix("chat/completions") { return FakeAnswers.chat(request: request.json) }
        if request.path.hasPrefix("/crm/") { return FakeResponse(status: 200, body: #"{"received": true}"#) }
        return FakeResponse(status: 404, body: #"{"error": {"message": "no such route", "type": "invalid_request_error", "code": null}}"#)
    }
}
