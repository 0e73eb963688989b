/// What one model costs, in US dollars.
public struct ModelPrice: Codable, Sendable, Equatable {
    /// Per million input (prompt or audio) tokens.
    public var inputPerMillion: Double
    /// Per million output tokens.
    public var outputPerMillion: Double
    /// Per minute of audio.
    public var audioPerMinute: Double

    /// Creates a price.
    public init(inputPerMillion: Double = 0, outputPerMillion: Double = 0, audioPerMinute: Double = 0) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.audioPerMinute = audioPerMinute
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inputPerMillion = try container.decodeIfPresent(Double.self, forKey: .inputPerMillion) ?? 0
        outputPerMillion = try container.decodeIfPresent(Double.self, forKey: .outputPerMillion) ?? 0
        audioPerMinute = try container.decodeIfPresent(Double.self, forKey: .audioPerMinute) ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case inputPerMillion = "input_per_million"
        case outputPerMillion = "output_per_million"
        case audioPerMinute = "audio_per_minute"
    }
}
