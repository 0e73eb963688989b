import CallAuditCore
import Foundation

/// Prices per model (list prices of late 2025), which `PROVIDER_PRICES` overrides or extends with a JSON object
/// `{"model": {"input_per_million": …, "output_per_million": …, "audio_per_minute": …}}`. A model not in the
/// table costs 0 (a self-hosted server).
public struct PriceTable: Sendable {
    /// The prices by model or deployment name.
    public var prices: [String: ModelPrice]

    /// The built-in prices.
    public static let defaults: [String: ModelPrice] = [
        "whisper-1": ModelPrice(audioPerMinute: 0.006),
        "gpt-4o-transcribe": ModelPrice(inputPerMillion: 6, outputPerMillion: 10),
        "gpt-4o-mini-transcribe": ModelPrice(inputPerMillion: 3, outputPerMillion: 5),
        "gpt-4o-transcribe-diarize": ModelPrice(audioPerMinute: 0.006),
        "gpt-4o": ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10),
        "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6),
        "gpt-4.1": ModelPrice(inputPerMillion: 2, outputPerMillion: 8),
        "gpt-4.1-mini": ModelPrice(inputPerMillion: 0.4, outputPerMillion: 1.6),
        "gpt-4.1-nano": ModelPrice(inputPerMillion: 0.1, outputPerMillion: 0.4),
    ]

    /// The defaults with `overrides` on top.
    public init(overrides: [String: ModelPrice] = [:]) {
        prices = Self.defaults.merging(overrides) { _, override in override }
    }

    /// Parses `PROVIDER_PRICES`.
    public init(json: String?) throws {
        guard let json, !json.trimmed.isEmpty else {
            self.init()
            return
        }
        do {
            self.init(overrides: try JSONDecoder().decode([String: ModelPrice].self, from: Data(json.utf8)))
        } catch {
            throw ConfigurationError(key: "PROVIDER_PRICES", value: String(json.prefix(80)),
                                     expected: #"a JSON object {"model": {"input_per_million": 0.15, …}}"#)
        }
    }

    /// `usage` with its cost filled in, rounded to a millionth of a dollar.
    public func priced(_ usage: ProviderUsage) -> ProviderUsage {
        guard let model = usage.model, let price = prices[model] else { return usage }
        var priced = usage
        let cost = Double(usage.inputTokens) * price.inputPerMillion / 1_000_000
            + Double(usage.outputTokens) * price.outputPerMillion / 1_000_000
            + usage.audioSeconds / 60 * price.audioPerMinute
        priced.costUSD = (cost * 1_000_000).rounded() / 1_000_000
        return priced
    }
}
