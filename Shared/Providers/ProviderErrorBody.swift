/// The error bodies providers answer with: OpenAI and Azure `{"error": {"message", "type", "code"}}`,
/// Hugging Face `{"error": "…", "estimated_time": 20.0}`.
struct ProviderErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String?
        var type: String?
        var code: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try? container.decodeIfPresent(String.self, forKey: .message)
            type = try? container.decodeIfPresent(String.self, forKey: .type)
            code = (try? container.decodeIfPresent(String.self, forKey: .code))
                ?? (try? container.decodeIfPresent(Int.self, forKey: .code)).flatMap { $0.map(String.init) }
        }

        enum CodingKeys: String, CodingKey { case message, type, code }
    }

    var detail: Detail?
    var text: String?
    var estimatedTime: Double?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        detail = try? container.decodeIfPresent(Detail.self, forKey: .error)
        text = try? container.decodeIfPresent(String.self, forKey: .error)
        estimatedTime = try? container.decodeIfPresent(Double.self, forKey: .estimatedTime)
    }

    enum CodingKeys: String, CodingKey {
        case error
        case estimatedTime = "estimated_time"
    }

    /// Whether the provider says the account is out of credit rather than over a rate.
    var isQuotaExhausted: Bool {
        [detail?.code, detail?.type].contains("insufficient_quota")
    }

    var message: String? { detail?.message ?? text }
}
