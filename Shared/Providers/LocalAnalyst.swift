import CallAuditCore
import OfflineAnalyzer

/// The built-in offline analyzer as the chain's last link: no network, no cost, always there.
public struct LocalAnalyst: Analyst {
    let analyzer = OfflineAnalyzer()

    /// Creates the local analyst.
    public init() {}

    public var provider: String { "local" }
    public var model: String { "offline" }
    public var cacheable: Bool { false }

    public func analyze(_ request: AnalysisRequest) async throws -> ProviderReply<AnalysisResult> {
        ProviderReply(value: analyzer.analyze(segments: request.segments, mode: request.mode, languageHint: request.languageHint),
                      usage: [])
    }
}
