import CurlHTTP
import Foundation
import Logging
import NIOPosix
import PostgresClient
import RedisClient
import TestSupport

/// Both binaries as real processes on a test database, a queue prefix of their own and the given Redis server.
final class Stack: @unchecked Sendable {
    // @unchecked: `workers` is only touched by the test that owns the stack, one step at a time.
    let databaseURL: String
    let redisURL: String
    let prefix = TestEnvironment.uniquePrefix("e2e")
    let port = FreePort.next()
    let http = CurlHTTPClient(threadPool: TestThreadPool.shared)
    let redis: RedisClient
    let postgres: PostgresPool
    private(set) var ingest: ServiceProcess?
    private(set) var workers: [ServiceProcess] = []

    /// Variables added to both services' environment.
    let extraEnvironment: [String: String]

    init(databaseURL: String, redisURL: String = TestEnvironment.redisURL, extraEnvironment: [String: String] = [:]) throws {
        self.databaseURL = databaseURL
        self.redisURL = redisURL
        self.extraEnvironment = extraEnvironment
        redis = RedisClient(configuration: try RedisConfiguration(url: redisURL), poolSize: 2,
                            threadPool: TestThreadPool.shared, logger: Logger(label: "e2e"))
        postgres = PostgresPool(configuration: PostgresConfiguration(connectionString: databaseURL), size: 2,
                                threadPool: TestThreadPool.shared, logger: Logger(label: "e2e"))
    }

    var environment: [String: String] {
        [
            "DATABASE_URL": databaseURL, "REDIS_URL": redisURL, "QUEUE_PREFIX": prefix, "PORT": String(port),
            "HOST": "127.0.0.1", "LOG_LEVEL": "info", "JOB_VISIBILITY_TIMEOUT_SECONDS": "2", "SWEEP_INTERVAL_SECONDS": "1",
            "SWEEP_IDLE_SECONDS": "1", "SEED_WAIT_SECONDS": "10", "JOB_RETRY_BASE_MILLISECONDS": "200",
            "FETCH_BLOCK_MILLISECONDS": "200",
        ].merging(extraEnvironment) { _, extra in extra }
    }

    func startIngest() async throws {
        let process = try ServiceProcess("callaudit-ingest", environment: environment)
        ingest = process
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let response = try? await request("GET", "/health"), response.status == 200 { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSupportError("ingest did not start:\n\(process.logTail())")
    }

    /// The port of each worker's `/metrics` and `/health`, in the order of `workers`.
    private(set) var workerMetricsPorts: [Int] = []

    @discardableResult
    func startWorker(_ extra: [String: String] = [:]) throws -> ServiceProcess {
        let metricsPort = FreePort.next()
        let worker = try ServiceProcess(
            "callaudit-worker",
            environment: environment.merging(["WORKER_NAME": "w\(workers.count)-\(prefix)", "METRICS_PORT": String(metricsPort)]) { _, new in new }
                .merging(extra) { _, new in new })
        workers.append(worker)
        workerMetricsPorts.append(metricsPort)
        return worker
    }

    func request(_ method: String, _ path: String, json: String? = nil, headers: [HTTPHeader] = []) async throws -> HTTPResponse {
        var request = HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", headers: headers,
                                  body: json.map { Array($0.utf8) })
        if json != nil { request.headers.append(HTTPHeader("Content-Type", "application/json")) }
        request.allowPrivateAddresses = true
        request.timeout = .seconds(30)
        return try await http.execute(request)
    }

    /// Submits a call and answers its id.
    func submit(_ path: String = "/v1/calls", json: String) async throws -> String {
        let response = try await request("POST", path, json: json)
        guard response.status == 202, let id = Self.object(response)["id"] as? String else {
            throw TestSupportError("submit answered \(response.status): \(response.text ?? "")")
        }
        return id
    }

    /// Uploads a recording to `POST /v1/calls/audio` with the given text fields and answers the call's id.
    func upload(_ audio: [UInt8], fields: [String: String]) async throws -> String {
        var form = MultipartFormData()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) { form.addField(name: name, value: value) }
        form.addFile(name: "audio", filename: "call.wav", contentType: "audio/wav", data: audio)
        var request = HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/v1/calls/audio",
                                  headers: [HTTPHeader("Content-Type", form.contentType)], parts: form.encode())
        request.allowPrivateAddresses = true
        let response = try await http.execute(request)
        guard response.status == 202, let id = Self.object(response)["id"] as? String else {
            throw TestSupportError("upload answered \(response.status): \(response.text ?? "")")
        }
        return id
    }

    func call(_ id: String) async throws -> [String: Any] {
        Self.object(try await request("GET", "/v1/calls/\(id)"))
    }

    /// Waits until `query` (one integer) reaches `expected`; answers the last value seen.
    func waitForCount(_ query: String, toReach expected: Int, timeout: Duration = .seconds(90)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        var value = 0
        while ContinuousClock.now < deadline {
            value = try await count(query)
            if value >= expected { return value }
            try await Task.sleep(for: .milliseconds(200))
        }
        return value
    }

    func count(_ query: String) async throws -> Int {
        try await postgres.query(query).first?[0].int ?? 0
    }

    func stop() async {
        for worker in workers where worker.isRunning { await worker.kill9() }
        if let ingest, ingest.isRunning { await ingest.kill9() }
        _ = try? await redis.send(["DEL", "\(prefix):jobs", "\(prefix):delayed", "\(prefix):dead", "\(prefix):inflight",
                                   "\(prefix):sweep-lock", "\(prefix):providers"])
        await redis.close()
        await postgres.close()
    }

    var logs: String {
        ([ingest].compactMap { $0 } + workers).map { "== \($0.name)\n\($0.logTail())" }.joined(separator: "\n")
    }

    /// Everything both services have printed, for checks that no secret was logged.
    var fullLogs: String {
        ([ingest].compactMap { $0 } + workers).map { $0.logTail(lines: .max) }.joined(separator: "\n")
    }

    static func object(_ response: HTTPResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
    }

    /// Runs `body` on a started stack over a fresh database (or `databaseURL`), and tears it down.
    static func with(
        redisURL: String = TestEnvironment.redisURL, databaseURL: String? = nil, environment: [String: String] = [:],
        _ body: (Stack) async throws -> Void
    ) async throws {
        func run(_ url: String) async throws {
            let stack = try Stack(databaseURL: url, redisURL: redisURL, extraEnvironment: environment)
            do {
                try await stack.startIngest()
                try await body(stack)
            } catch {
                print(stack.logs)
                await stack.stop()
                throw error
            }
            await stack.stop()
        }
        if let databaseURL {
            try await run(databaseURL)
        } else {
            try await TestDatabase.with { try await run($0) }
        }
    }

    /// Submits until the ingest accepts (it answers 503 while a dependency is down); answers the id, or throws
    /// after `timeout`.
    func submitOnceAvailable(json: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let response = try? await request("POST", "/v1/calls", json: json), response.status == 202,
               let id = Self.object(response)["id"] as? String {
                return id
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TestSupportError("the ingest did not accept a call within \(timeout):\n\(logs)")
    }
}
