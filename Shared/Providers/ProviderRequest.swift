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
        var request = HTTPRequest(method: "POST", url: url, headers: headers + [HTTPHeader("Content-Type", contentType)], body: body)
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
