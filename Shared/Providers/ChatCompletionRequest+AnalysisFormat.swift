import CallAuditCore
import Foundation

extension ChatCompletionRequest.ResponseFormat {
    /// The strict JSON schema of `mode`'s rubric as `response_format` JSON, encoded once: it is the same for every
    /// call of a mode, and encoding it through `Codable` for each request took 7% of a busy worker's CPU.
    static func analysis(for mode: CallMode) -> [UInt8] {
        analysisByMode[mode, default: Array("null".utf8)]
    }

    private static let analysisByMode: [CallMode: [UInt8]] = Dictionary(uniqueKeysWithValues: CallMode.allCases.map { mode in
        let format = Self(jsonSchema: .init(name: "call_audit", strict: true,
                                            schema: AnalysisPrompt.schema(for: Rubric.forMode(mode))))
        return (mode, Array((try? JSONEncoder().encode(format)) ?? Data("null".utf8)))
    })
}
