import CurlHTTP
import FailurePolicy
import Foundation

extension ProviderFailure {
    /// Classifies an HTTP answer that is not a success, as DESIGN.md §3 says: input errors (400, 413, 415, 422) fail
    /// the call; timeouts, conflicts, rate limits and 5xx are retried with the provider's hint; anything else — 401,
    /// 402 and 403 (key, credit), 404 (model or deployment), `insufficient_quota`, a redirect — takes the provider
    /// out, so that the next one can serve the call.
    /// `secret` (the provider's key) is cut out of the message in case a provider echoes it.
    init(provider: String, response: HTTPResponse, secret: String?) {
        let body = try? JSONDecoder().decode(ProviderErrorBody.self, from: Data(response.body))
        let raw = body?.message ?? response.text.map { String($0.prefix(300)) } ?? ""
        let message = ProviderFailure.redact(raw.isEmpty ? "no message" : raw, secret: secret)
        let disposition = body?.isQuotaExhausted == true
            ? .providerUnavailable
            : HTTPStatusPolicy.disposition(status: response.status, server: .provider, hint: Self.retryHint(response, body: body))
        self.init(provider: provider, disposition: disposition, status: response.status, message: message)
    }

    /// A failure before any answer: a timeout or a broken connection is worth a retry, anything else
    /// (a malformed URL, a refused address) is the provider's configuration.
    init(provider: String, transportError: any Error, secret: String?) {
        let message = ProviderFailure.redact(String(describing: transportError), secret: secret)
        let retryable = (transportError as? HTTPClientError)?.disposition.isRetryable ?? false
        self.init(provider: provider, disposition: retryable ? .retry(after: nil) : .providerUnavailable, message: message)
    }

    /// `retry-after-ms`, then `retry-after` (seconds), then Hugging Face's `estimated_time`.
    static func retryHint(_ response: HTTPResponse, body: ProviderErrorBody?) -> Duration? {
        response.retryAfter ?? body?.estimatedTime.flatMap { HTTPResponse.wait(milliseconds: $0 * 1000) }
    }

    static func redact(_ text: String, secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return text }
        return text.replacingOccurrences(of: secret, with: "[redacted]")
    }
}
