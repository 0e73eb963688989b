import CallAuditCore
import CallStore
import CurlHTTP
import Foundation
import OfflineAnalyzer

/// The stages of DESIGN.md §2 for one call, up to (not including) persisting the result.
struct CallPipeline: Sendable {
    let repository: CallRepository
    let http: CurlHTTPClient
    let analyzer: OfflineAnalyzer
    let configuration: WorkerConfiguration

    func run(_ call: CallRecord) async throws -> PipelineOutcome {
        switch call.source {
        case .text:
            guard let text = call.dialogText else { throw PipelineError.permanent("the call has no dialog text") }
            return .analyzed(analyzer.analyze(text: text, mode: call.mode, languageHint: call.languageHint), [])
        case .upload, .url:
            let recording = try await acquire(call)
            try await repository.setStage(call.id, .normalizing)
            guard AudioFormat.sniff(recording) != nil else {
                throw PipelineError.permanent("the recording is not WAV, MP3, OGG, FLAC, M4A or WebM audio")
            }
            return .awaitingTranscription("no transcription provider is configured; the call waits for one")
        }
    }

    /// The recording's bytes: from PostgreSQL for an upload, by download for a URL.
    func acquire(_ call: CallRecord) async throws -> [UInt8] {
        if call.source == .upload {
            guard let audio = try await repository.audio(of: call.id) else {
                throw PipelineError.permanent("the uploaded recording is missing")
            }
            return audio.data
        }
        guard let url = call.audioURL else { throw PipelineError.permanent("the call has no recording URL") }
        var request = HTTPRequest(url: url)
        request.maxResponseBytes = configuration.maxDownloadBytes
        request.timeout = configuration.downloadTimeout
        request.allowPrivateAddresses = configuration.allowPrivateAudioURLs
        let response: HTTPResponse
        do {
            response = try await http.execute(request)
        } catch let error as HTTPClientError {
            switch error {
            case .timeout, .transport: throw PipelineError.transient("downloading the recording failed: \(error)")
            default: throw PipelineError.permanent("the recording cannot be downloaded: \(error)")
            }
        }
        switch response.status {
        case 200..<300: return response.body
        case 408, 429, 500...: throw PipelineError.transient("the recording URL answered \(response.status)")
        default: throw PipelineError.permanent("the recording URL answered \(response.status)")
        }
    }
}
