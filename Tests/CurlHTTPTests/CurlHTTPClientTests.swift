import CurlHTTP
import Foundation
import NIOPosix
import Testing
import TestSupport

@Suite("CurlHTTPClient against a local HTTP server")
struct CurlHTTPClientTests {
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static let client = CurlHTTPClient(threadPool: Self.threads)

    static func local(_ port: Int, _ path: String, method: String = "GET", body: [UInt8]? = nil) -> HTTPRequest {
        var request = HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", body: body)
        request.allowPrivateAddresses = true
        return request
    }

    @Test("GET returns status, headers (lowercased) and body")
    func get() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let response = try await Self.client.execute(Self.local(port, "/hello"))
            #expect(response.status == 200)
            #expect(response.text == "hello, мир")
            #expect(response.header("X-Test") == "yes")
            #expect(response.header("content-type") == "text/plain")
        }
    }

    @Test("POST sends the body, method and headers")
    func post() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            var request = Self.local(port, "/echo", method: "POST", body: Array(#"{"a": "б"}"#.utf8))
            request.headers = [HTTPHeader("Content-Type", "application/json")]
            let response = try await Self.client.execute(request)
            #expect(response.text == #"{"a": "б"}"#)
            #expect(response.header("x-content-type") == "application/json")
            #expect(response.header("x-method") == "POST")
        }
    }

    @Test("a multipart form arrives byte for byte")
    func multipart() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            var form = MultipartFormData(boundary: "test-boundary")
            form.addField(name: "model", value: "whisper-1")
            let audio = (0..<1000).map { UInt8($0 % 256) }
            form.addFile(name: "file", filename: "call.wav", contentType: "audio/wav", data: audio)
            var request = Self.local(port, "/echo", method: "POST")
            request.body = form.encode()
            request.headers = [HTTPHeader("Content-Type", form.contentType)]
            let response = try await Self.client.execute(request)
            #expect(response.header("x-content-type") == "multipart/form-data; boundary=test-boundary")
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(text.hasPrefix("--test-boundary\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"))
            #expect(text.hasSuffix("\r\n--test-boundary--\r\n"))
            let header = Array("Content-Type: audio/wav\r\n\r\n".utf8)
            let start = try #require(Self.firstIndex(of: header, in: response.body)) + header.count
            #expect(Array(response.body[start..<start + audio.count]) == audio)
        }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    @Test("a 429 is returned with its body and retry-after, not thrown")
    func nonSuccess() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let response = try await Self.client.execute(Self.local(port, "/limited"))
            #expect(response.status == 429)
            #expect(response.header("retry-after") == "7")
            #expect(response.text?.contains("rate_limit_exceeded") == true)
        }
    }

    @Test("redirects are followed up to the limit")
    func redirects() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let response = try await Self.client.execute(Self.local(port, "/redirect"))
            #expect(response.status == 200)
            #expect(response.text == "hello, мир")
            await #expect(throws: HTTPClientError.self) { _ = try await Self.client.execute(Self.local(port, "/loop")) }
        }
    }

    @Test("bodies over the cap fail, with and without a content length")
    func sizeCap() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            for path in ["/big", "/big-chunked"] {
                var request = Self.local(port, path)
                request.maxResponseBytes = 100_000
                await #expect(throws: HTTPClientError.tooLarge(limit: 100_000)) { _ = try await Self.client.execute(request) }
            }
            var roomy = Self.local(port, "/big")
            roomy.maxResponseBytes = 300_000
            let fits = try await Self.client.execute(roomy)
            #expect(fits.body.count == 200_000)
        }
    }

    @Test("a body written to a file is capped the same way, with and without a content length, and arrives whole")
    func sizeCapToFile() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            for route in ["/big", "/big-chunked"] {
                var request = Self.local(port, route)
                request.maxResponseBytes = 100_000
                request.responseFile = path
                await #expect(throws: HTTPClientError.tooLarge(limit: 100_000)) { _ = try await Self.client.execute(request) }
            }
            var roomy = Self.local(port, "/big")
            roomy.maxResponseBytes = 300_000
            roomy.responseFile = path
            let fits = try await Self.client.execute(roomy)
            #expect(fits.status == 200 && fits.body.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 200_000)
        }
    }

    @Test("a body sent from a file range between bytes in memory arrives byte for byte")
    func bodyFromFile() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let file = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 11) }
            try Data(file).write(to: URL(fileURLWithPath: path))
            var request = Self.local(port, "/echo", method: "POST")
            request.body = [.bytes([1, 2]), .file(path: path, offset: 1000, length: 250_000), .bytes([3])]
            let response = try await Self.client.execute(request)
            #expect(response.body == [1, 2] + Array(file[1000..<251_000]) + [3])
        }
    }

    @Test("a slow answer past the timeout fails fast with .timeout")
    func timeout() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            var request = Self.local(port, "/slow")
            request.timeout = .milliseconds(300)
            let start = ContinuousClock.now
            await #expect(throws: HTTPClientError.timeout) { _ = try await Self.client.execute(request) }
            #expect(ContinuousClock.now - start < .seconds(30), "the 60 s answer was not waited for")
        }
    }

    @Test("only http and https; malformed URLs are refused before any I/O")
    func schemes() async throws {
        await #expect(throws: HTTPClientError.unsupportedScheme("ftp")) {
            _ = try await Self.client.execute(HTTPRequest(url: "ftp://example.com/a.mp3"))
        }
        await #expect(throws: HTTPClientError.unsupportedScheme("file")) {
            _ = try await Self.client.execute(HTTPRequest(url: "file:///etc/passwd"))
        }
        await #expect(throws: HTTPClientError.self) { _ = try await Self.client.execute(HTTPRequest(url: "not a url")) }
    }

    @Test("internal addresses are refused at connect time", arguments: [
        "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://0.0.0.0/", "http://10.0.0.1/",
        "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
        "http://224.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://2130706433/", "http://0x7f000001/", "http://[fd00::1]/",
        "http://[fe80::1]/",
    ])
    func forbiddenAddresses(url: String) async throws {
        try await Self.expectRefused(url)
    }

    /// Requests `url` (private addresses not allowed) and records an issue unless it fails with `.forbiddenAddress`.
    static func expectRefused(_ url: String) async throws {
        var request = HTTPRequest(url: url)
        request.connectTimeout = .seconds(5)
        request.timeout = .seconds(10)
        do {
            _ = try await client.execute(request)
            Issue.record("\(url) must be refused")
        } catch let error as HTTPClientError {
            guard case .forbiddenAddress = error else {
                Issue.record("\(url): expected forbiddenAddress, got \(error)")
                return
            }
        }
    }

    @Test("a redirect from a public address to loopback or the metadata service is refused at connect time",
          .enabled(if: PublicAddress.first != nil, "this machine has no public-range address to serve from"))
    func redirectsToInternalAddresses() async throws {
        let host = try #require(PublicAddress.first)
        try await LoopbackServer.run(LocalServer.router()) { loopbackPort in
            try await LoopbackServer.run(LocalServer.router(), host: host) { port in
                let direct = try await Self.client.execute(HTTPRequest(url: "http://\(host):\(port)/hello"))
                #expect(direct.status == 200, "the public address itself is allowed")
                for path in ["/to-loopback/\(loopbackPort)", "/to-metadata"] {
                    try await Self.expectRefused("http://\(host):\(port)\(path)")
                }
            }
        }
    }

    @Test("the loopback test server is refused unless private addresses are allowed")
    func loopbackPolicy() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            var request = Self.local(port, "/hello")
            let allowed = try await Self.client.execute(request)
            #expect(allowed.status == 200)
            request.allowPrivateAddresses = false
            await #expect(throws: HTTPClientError.forbiddenAddress("127.0.0.1")) { _ = try await Self.client.execute(request) }
        }
    }

    @Test("50 concurrent requests all succeed")
    func concurrency() async throws {
        try await LoopbackServer.run(LocalServer.router()) { port in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<50 { group.addTask { try await Self.client.execute(Self.local(port, "/hello")).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.count == 50)
            #expect(statuses.allSatisfy { $0 == 200 })
        }
    }
}
