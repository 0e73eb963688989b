import CallAuditCore
import Foundation
import Hummingbird

/// What the seed endpoints answer once the call is analyzed: the fields existing clients read.
struct SeedResultView: ResponseEncodable {
    var id: String
    var status: CallStatus
    var totalScore: Int
    var criteria: [CriterionScore]
    var summary: String
    var recommendations: [String]

    init(id: UUID, result: AnalysisResult) {
        self.id = id.uuidString.lowercased()
        status = .done
        totalScore = result.totalScore
        criteria = result.criteria
        summary = result.summary
        recommendations = result.recommendations
    }

    enum CodingKeys: String, CodingKey {
        case id, status
        case totalScore = "total_score"
        case criteria, summary, recommendations
    }
}
