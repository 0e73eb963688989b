import Audio
import CallAuditCore
import FailurePolicy
import Foundation
import Providers
import Synchronization

/// A transcriber that answers from a script, in order, and counts its requests.
final class StubTranscriber: Transcriber {
    let provider = "stub"
    let model = "stub-asr"
    let maxUploadBytes = 25 * 1024 * 1024
    let maxClipSeconds: Double? = nil
    private let replies: Mutex<[Result<Transcript, ProviderFailure>]>
    private let calls = Mutex(0)

    init(_ replies: [Result<Transcript, ProviderFailure>]) {
        self.replies = Mutex(replies)
    }

    var requests: Int { calls.withLock { $0 } }

    func transcribe(_ clip: AudioClip, language: String?) async throws -> ProviderReply<Transcript> {
        calls.withLock { $0 += 1 }
        let reply = replies.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        guard let reply else { throw ProviderFailure(provider: provider, disposition: .retry(after: nil), message: "no more replies") }
        return ProviderReply(value: try reply.get(), usage: [ProviderUsage(step: "transcription", provider: provider, model: model)])
    }
}

/// An analyst that always fails the same way, and counts its requests.
final class FailingAnalyst: Analyst {
    let provider = "stub"
    let model = "stub-llm"
    let cacheable = false
    let disposition: FailureDisposition
    private let calls = Mutex(0)

    init(_ disposition: FailureDisposition) {
        self.disposition = disposition
    }

    var requests: Int { calls.withLock { $0 } }

    func analyze(_ request: AnalysisRequest) async throws -> ProviderReply<AnalysisResult> {
        calls.withLock { $0 += 1 }
        throw ProviderFailure(provider: provider, disposition: disposition, status: 500, message: "stub failure")
    }
}
