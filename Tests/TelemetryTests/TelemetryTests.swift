import CallAuditCore
import Metrics
import Testing
@testable import Telemetry

@Suite("Telemetry")
struct TelemetryTests {
    init() {
        Telemetry.bootstrap()
    }

    var exposition: String {
        String(decoding: Telemetry.exposition(), as: UTF8.self)
    }

    @Test("recorded events come out under their catalogue names, with help text and type")
    func recordedEvents() {
        Telemetry.callAccepted(.upload)
        Telemetry.callFinished(.done, mode: .client, since: .now - .milliseconds(300))
        Telemetry.providerRequests(
            [ProviderUsage(step: "analysis", provider: "telemetry-test", latencyMilliseconds: 1500, inputTokens: 120,
                           outputTokens: 30, costUSD: 0.25)],
            outcome: .transientError)
        let text = exposition
        #expect(text.contains("# HELP callaudit_calls_accepted_total Calls accepted and queued, by source."))
        #expect(text.contains("# TYPE callaudit_calls_accepted_total counter"))
        #expect(text.contains(#"callaudit_calls_accepted_total{source="upload"} "#))
        #expect(text.contains("# TYPE callaudit_call_duration_seconds histogram"))
        #expect(text.contains(#"callaudit_call_duration_seconds_bucket{status="done",mode="client",le="0.5"} 1"#))
        #expect(text.contains(#"callaudit_call_duration_seconds_bucket{status="done",mode="client",le="0.25"} 0"#))
        #expect(text.contains(
            #"callaudit_provider_requests_total{provider="telemetry-test",step="analysis",outcome="transient_error"} 1"#))
        #expect(text.contains(
            #"callaudit_provider_tokens_total{provider="telemetry-test",step="analysis",direction="input"} 120"#))
        #expect(text.contains(#"callaudit_provider_cost_usd_total{provider="telemetry-test",step="analysis"} 0.25"#))
        #expect(text.contains(#"callaudit_provider_request_duration_seconds_bucket{provider="telemetry-test",step="analysis",le="2.5"} 1"#))
    }

    @Test("Hummingbird's metric and label names are renamed to Prometheus conventions")
    func libraryNames() {
        Counter(label: "hb.requests", dimensions: [
            ("http.route", "/telemetry-test"), ("http.request.method", "GET"), ("http.response.status_code", "200"),
        ]).increment()
        let text = exposition
        #expect(text.contains("# HELP http_server_requests_total HTTP requests served, by route, method and status."))
        #expect(text.contains(#"http_server_requests_total{route="/telemetry-test",method="GET",status="200"} 1"#))
        #expect(!text.contains("hb_requests"))
    }

    @Test("names follow Prometheus conventions: counters end in _total, durations in _seconds, no name twice")
    func conventions() {
        let names = MetricCatalogue.all.map(\.name)
        #expect(Set(names).count == names.count)
        for metric in MetricCatalogue.all {
            #expect(metric.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(metric.name)")
            #expect(!metric.help.isEmpty)
            if metric.buckets != nil { #expect(metric.name.hasSuffix("_seconds"), "\(metric.name)") }
        }
        #expect(MetricCatalogue.definition(forLabel: "some.library.metric").name == "some_library_metric")
    }
}
