/// The answer of the analysis model, in the shape of ``AnalysisPrompt/schema(for:)``.
struct ModelAnalysis: Codable, Equatable {
    struct Role: Codable, Equatable {
        var segment: Int
        var role: String
    }

    struct Criterion: Codable, Equatable {
        var key: String
        var score: Double
        var evidence: String
    }

    struct Sentiments: Codable, Equatable {
        var overall: Double
        var manager: Double
        var customer: Double
    }

    struct ProfaneSpan: Codable, Equatable {
        var segment: Int
        var text: String
    }

    var language: String
    var topic: String
    var roles: [Role]
    var criteria: [Criterion]
    var summary: String
    var recommendations: [String]
    var sentiment: Sentiments
    var profanity: [ProfaneSpan]
}
