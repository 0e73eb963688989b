import CurlHTTP
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Access control with the real binaries: a rate limit that holds across ingest processes, and no secret in any log.
@Suite("Access across ingest processes", .serialized)
struct AccessEndToEndTests {
    static let key = "key-e2e-SECRET-91f"
    static let webhookSecret = "hook-e2e-SECRET-5d"

    @Test("RATE_LIMIT_PER_MINUTE holds across two ingest processes sharing Redis; keys and secrets never reach a log")
    func sharedRateLimit() async throws {
        try await Stack.with(environment: [
            "API_KEYS": Self.key, "RATE_LIMIT_PER_MINUTE": "10", "WEBHOOK_SECRET": Self.webhookSecret, "LOG_LEVEL": "debug",
        ]) { stack in
            let secondPort = FreePort.next()
            let second = try ServiceProcess("callaudit-ingest", environment: stack.environment.merging(["PORT": String(secondPort)]) { $1 })
            defer { second.signal(SIGKILL) }
            for _ in 0..<100 {
                if (try? await Self.get(stack, port: secondPort, key: nil, path: "/health"))?.status == 200 { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let statuses = try await Self.inOneClockMinute {
                var statuses: [Int: [Int]] = [:]
                for index in 0..<16 {
                    let port = index.isMultiple(of: 2) ? stack.port : secondPort
                    statuses[port, default: []].append(try await Self.get(stack, port: port, key: Self.key, path: "/v1/calls").status)
                }
                return statuses
            }
            let all = statuses.values.flatMap { $0 }
            #expect(all.filter { $0 == 200 }.count == 10, "\(statuses)")
            #expect(all.filter { $0 == 429 }.count == 6)
            #expect(statuses.values.allSatisfy { $0.contains(429) }, "each process refuses once the shared budget is spent")
            #expect(try await Self.get(stack, port: secondPort, key: "wrong-key", path: "/v1/calls").status == 401)
            let logs = stack.fullLogs + "\n" + second.logTail(lines: .max)
            #expect(!logs.contains(Self.key) && !logs.contains(Self.webhookSecret) && !logs.contains("wrong-key"))
        }
    }

    @Test("without API keys RATE_LIMIT_PER_MINUTE holds per client address: a second address still gets through")
    func perAddressRateLimit() async throws {
        try await Stack.with(environment: ["RATE_LIMIT_PER_MINUTE": "3"]) { stack in
            let statuses = try await Self.inOneClockMinute {
                var statuses: [Int] = []
                for _ in 0..<5 { statuses.append(try await Self.get(stack, port: stack.port, key: nil, path: "/v1/calls").status) }
                return statuses
            }
            #expect(statuses == [200, 200, 200, 429, 429])
            let fromOtherAddress = try await ChildProcess.run("/usr/bin/curl", [
                "--silent", "--fail", "--interface", "127.0.0.2", "--output", "/dev/null", "http://127.0.0.1:\(stack.port)/v1/calls",
            ])
            #expect(fromOtherAddress == 0, "127.0.0.2 has a budget of its own (curl exits 22 on a 429)")
        }
    }

    /// Runs `requests` within one clock minute, the rate limit's window: started early in a minute, and run again
    /// from the start of a fresh minute when a busy machine made them cross into the next one.
    static func inOneClockMinute<Result>(_ requests: () async throws -> Result) async throws -> Result {
        func minute() -> Int { Int(Date().timeIntervalSince1970) / 60 }
        func untilNextMinute() -> Duration { .seconds(61 - Int(Date().timeIntervalSince1970) % 60) }
        if Int(Date().timeIntervalSince1970) % 60 >= 45 { try await Task.sleep(for: untilNextMinute()) }
        for _ in 0..<3 {
            let started = minute()
            let result = try await requests()
            if minute() == started { return result }
            try await Task.sleep(for: untilNextMinute())
        }
        throw TestSupportError("the requests never fitted in one clock minute")
    }

    static func get(_ stack: Stack, port: Int, key: String?, path: String) async throws -> HTTPResponse {
        var request = HTTPRequest(url: "http://127.0.0.1:\(port)\(path)", headers: key.map { [HTTPHeader("Authorization", "Bearer \($0)")] } ?? [])
        request.allowPrivateAddresses = true
        return try await stack.http.execute(request)
    }
}
