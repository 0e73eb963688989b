import CoreExtensions
import CurlHTTP

/// Sending a request to a provider: the provider's URL is the operator's configuration, so loopback and private
/// addresses are allowed (a self-hosted server), redirects are not followed (they would carry the key elsewhere),
/// and every failure becomes a classified ``ProviderFailure``.
enum ProviderRequest {
    struct Exchange {
        var response: HTTPResponse
        var latencyMilliseconds: Int
    }

    static func post(url: String, headers: [HTTPHeader], contentType: String, body: [UInt8], timeout: Duration) -> HTTPRequest {
        post(url: url, headers: headers, contentType: contentType, parts: [.bytes(body)], timeout: timeout)
    }

    /// A POST whose body is sent from pieces of memory and of files (a recording is read as it is sent).
    static func post(url: String, headers: [HTTPHeader], contentType: String, parts: [HTTPBodyPart], timeout: Duration)
        -> HTTPRequest
    {
        var request = HTTPRequest(method: "POST", url: url, headers: headers + [HTTPHeader("Content-Type", contentType)], parts: parts)
        request.timeout = timeout
        request.maxRedirects = 0
        request.allowPrivateAddresses = true
        return request
    }

    /// Sends `request`; answers only a 2xx exchange, throws ``ProviderFailure`` otherwise.
    static func send(_ request: HTTPRequest, provider: String, secret: String?, http: CurlHTTPClient) async throws -> Exchange {
        let clock = ContinuousClock()
        let started = clock.now
        let response: HTTPResponse
        do {
            response = try await http.execute(request)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ProviderFailure(provider: provider, transportError: error, secret: secret)
        }
        guard (200..<300).contains(response.status) else {
            throw ProviderFailure(provider: provider, response: response, secret: secret)
        }
        return Exchange(response: response, latencyMilliseconds: (clock.now - started).wholeMilliseconds)
    }
}
