import CurlHTTP
import Foundation
import Testing
import TestSupport

/// Both services' `/metrics` as Prometheus scrapes them, checked against the dashboard and alert rules in `deploy/`.
@Suite("Metrics: both services export what the dashboard and the alerts name, in a format promtool accepts", .serialized)
struct MetricsEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Metric names (ours and Hummingbird's) used in a dashboard or rule file.
    static func referencedMetrics(in path: String) throws -> Set<String> {
        let text = try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\b(?:callaudit|http_server)_[a-z0-9_]+\b"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range, in: text).map { String(text[$0]) } })
    }

    /// The series names an exposition offers: every family of a `# TYPE` line, a histogram's with its suffixes.
    static func exportedNames(_ exposition: String) -> Set<String> {
        var names: Set<String> = []
        for line in exposition.split(separator: "\n") where line.hasPrefix("# TYPE ") {
            let parts = line.split(separator: " ")
            guard parts.count == 4 else { continue }
            let name = String(parts[2])
            names.insert(name)
            if parts[3] == "histogram" { names.formUnion(["_bucket", "_sum", "_count"].map { name + $0 }) }
        }
        return names
    }

    static func scrape(_ http: CurlHTTPClient, port: Int, path: String = "/metrics") async throws -> HTTPResponse {
        var request = HTTPRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.allowPrivateAddresses = true
        request.timeout = .seconds(10)
        return try await http.execute(request)
    }

    /// `promtool check metrics` on `exposition`: its exit status and what it said.
    static func promtool(_ exposition: String) async throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("promtool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("metrics.prom").path
        let output = directory.appendingPathComponent("promtool.out").path
        try exposition.write(toFile: input, atomically: true, encoding: .utf8)
        let status = try await ChildProcess.run("/bin/sh", ["-c", "promtool check metrics < '\(input)' > '\(output)' 2>&1"])
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    /// Waits until the worker's metrics server answers.
    static func waitForWorker(_ stack: Stack, port: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let health = try? await scrape(stack.http, port: port, path: "/health"), health.status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TestSupportError("the worker's /health did not answer:\n\(stack.logs)")
    }

    @Test("after a call through a provider, the two scrapes hold every metric of the dashboard and the alert rules; promtool passes both")
    func dashboardAndAlertsMatchTheServices() async throws {
        try await FakeProviderServer.with { server in
            try await Stack.with(environment: ["OPENAI_BASE_URL": server.baseURL + "/v1", "OPENAI_API_KEY": "sk-metrics-test"]) { stack in
                try stack.startWorker()
                let workerPort = stack.workerMetricsPorts[0]
                try await Self.waitForWorker(stack, port: workerPort)
                _ = try await stack.submit(json: #"{"dialog_text": "Agent: Hello, Acme here. Customer: A price, please.", "manager_id": "mia"}"#)
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)

                let ingest = try await Self.scrape(stack.http, port: stack.port)
                let worker = try await Self.scrape(stack.http, port: workerPort)
                #expect(ingest.status == 200 && worker.status == 200)
                #expect(ingest.headers.first { $0.name.lowercased() == "content-type" }?.value.hasPrefix("text/plain; version=0.0.4") == true)
                let (ingestText, workerText) = (ingest.text ?? "", worker.text ?? "")
                #expect(ingestText.contains(#"callaudit_calls_accepted_total{source="text"} 1"#), "\(ingestText)")
                #expect(ingestText.contains(#"http_server_requests_total{route="/v1/calls",method="POST",status="202"} 1"#), "\(ingestText)")
                #expect(ingestText.contains("callaudit_redis_up 1.0") && ingestText.contains("callaudit_postgres_up 1.0"))
                #expect(workerText.contains(#"callaudit_calls_finished_total{status="done",mode="manager"} 1"#), "\(workerText)")
                #expect(workerText.contains(#"callaudit_provider_requests_total{provider="openai",step="analysis",outcome="ok"} 1"#),
                        "\(workerText)")
                #expect(workerText.contains(#"callaudit_provider_available{provider="openai"} 1.0"#))
                #expect(workerText.contains("callaudit_worker_calls_in_flight 0.0") && workerText.contains("callaudit_worker_free_slots 16.0"))
                #expect(workerText.contains("callaudit_queue_lag 0.0"))

                let exported = Self.exportedNames(ingestText).union(Self.exportedNames(workerText))
                let dashboard = try Self.referencedMetrics(in: "deploy/grafana/dashboards/callaudit.json")
                let alerts = try Self.referencedMetrics(in: "deploy/prometheus/alerts.yml")
                #expect(dashboard.count >= 15 && alerts.count >= 8, "the names were read: \(dashboard), \(alerts)")
                #expect(dashboard.subtracting(exported).isEmpty, "the dashboard names metrics nobody exports: \(dashboard.subtracting(exported))")
                #expect(alerts.subtracting(exported).isEmpty, "the alert rules name metrics nobody exports: \(alerts.subtracting(exported))")

                for (service, text) in [("ingest", ingestText), ("worker", workerText)] {
                    let check = try await Self.promtool(text)
                    #expect(check.status == 0, "promtool check metrics on the \(service)'s /metrics: \(check.output)")
                }
            }
        }
    }

    @Test("Redis stopped: both /metrics still answer 200, with callaudit_redis_up 0")
    func redisDownIsAGauge() async throws {
        let redis = try await TestRedisServer()
        do {
            try await Stack.with(redisURL: redis.url) { stack in
                try stack.startWorker()
                let workerPort = stack.workerMetricsPorts[0]
                try await Self.waitForWorker(stack, port: workerPort)
                #expect(try await Self.scrape(stack.http, port: workerPort).text?.contains("callaudit_redis_up 1.0") == true)
                await redis.stop()
                for port in [stack.port, workerPort] {
                    let scrape = try await Self.scrape(stack.http, port: port)
                    #expect(scrape.status == 200)
                    #expect(scrape.text?.contains("callaudit_redis_up 0.0") == true, "\(scrape.text ?? "")")
                    #expect(scrape.text?.contains("callaudit_postgres_up 1.0") == true)
                }
            }
        } catch {
            await redis.stop()
            throw error
        }
        await redis.stop()
    }
}
