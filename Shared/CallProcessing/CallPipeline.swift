import Audio
import CallAuditCore
import CallStore
import CoreExtensions
import CurlHTTP
import FailurePolicy
import Foundation
import Logging
import NIOPosix
import OfflineAnalyzer
import Providers
import Telemetry

/// The stages of DESIGN.md §2 for one call, up to (not including) persisting the result: acquire the recording,
/// check and cut it, transcribe and analyze it through the provider chain.
public struct CallPipeline: Sendable {
    let repository: CallRepository
    let http: CurlHTTPClient
    let providers: ProviderSettings
    let chain: ProviderChain
    let configuration: WorkerConfiguration

    /// Creates the pipeline.
    public init(
        repository: CallRepository, http: CurlHTTPClient, providers: ProviderSettings, chain: ProviderChain,
        configuration: WorkerConfiguration
    ) {
        self.repository = repository
        self.http = http
        self.providers = providers
        self.chain = chain
        self.configuration = configuration
    }

    /// Where CPU-heavy audio work (hashing, splitting) runs, off Swift's cooperative threads: the HTTP client's.
    var audioThreads: NIOThreadPool { http.threadPool }

    /// Runs the call; `logger` carries its `call_id`.
    func run(_ call: CallRecord, logger: Logger) async throws -> PipelineOutcome {
        var segments: [Segment]
        var steps: [ProviderStep] = []
        var usage: [ProviderUsage] = []
        var language = call.languageHint
        var stages = StageTracker(repository: repository, call: call)
        switch call.source {
        case .text:
            guard let text = call.dialogText else { throw CallFailure.permanent("the call has no dialog text") }
            segments = DialogParser.segments(from: text)
        case .live where call.liveTranscript?.isEmpty == false:
            // Transcribed while it was spoken (and paid for then): the recording is kept, not sent again.
            segments = call.liveTranscript ?? []
            steps.append(ProviderStep(step: "transcription", provider: "openai-realtime", model: nil))
        case .upload, .url, .live:
            let transcription = try await RecordingFolder.with(threads: audioThreads) { folder in
                try await stages.enter(.acquiring)
                let recording = try await acquire(call, into: folder)
                try await stages.enter(.normalizing)
                guard let format = recording.format else {
                    throw CallFailure.permanent("the recording is not WAV, MP3, OGG, FLAC, M4A or WebM audio")
                }
                guard !providers.transcribers.isEmpty else {
                    throw CallFailure("no transcription provider is configured; the call waits for one", .providerUnavailable)
                }
                try await stages.enter(.transcribing)
                return try await transcribe(recording, format: format, folder: folder, language: call.languageHint,
                                            callID: call.id, logger: logger)
            }
            segments = transcription.value.segments
            steps.append(ProviderStep(step: "transcription", provider: transcription.provider, model: transcription.model,
                                      cached: transcription.cached ? true : nil))
            usage += transcription.usage
            language = language ?? transcription.value.language
        }
        guard !segments.isEmpty else {
            if !usage.isEmpty { try await repository.recordUsage(call.id, usage) }
            throw CallFailure.permanent("the call has no speech to analyze")
        }
        try await stages.enter(.analyzing)
        let request = AnalysisRequest(segments: segments, mode: call.mode, languageHint: language,
                                      outputLanguage: providers.outputLanguage)
        let links = providers.analysts.map { analyst in
            ProviderLink(provider: analyst.provider, model: analyst.model, cacheable: analyst.cacheable) {
                try await analyst.analyze(request)
            }
        }
        let identity = links.contains(where: \.cacheable) ? AnalysisPrompt.identity(for: request) : nil
        let analysis = try await throughChain(callID: call.id, spent: usage) {
            try await chain.run(step: "analysis", links: links, identity: identity, logger: logger)
        }
        stages.finish()
        usage += analysis.usage
        var result = analysis.value
        result.providers = steps + result.providers.map { step in
            var step = step
            step.cached = analysis.cached ? true : nil
            return step
        }
        return PipelineOutcome(result: result, usage: usage)
    }

    /// The transcript through the chain: each transcriber gets the recording cut to its upload limit (one clip per
    /// channel of a stereo recording); one that cannot take it at all is left out. The clips are files in `folder`
    /// (or ranges of the recording's), sent from there.
    func transcribe(
        _ recording: Recording, format: AudioFormat, folder: String, language: String?, callID: UUID, logger: Logger
    ) async throws -> ChainOutcome<Transcript> {
        let (splitStereo, transcoder) = (providers.splitStereo, providers.transcoder)
        let transcribers = providers.transcribers
        let prepared = try await audioThreads.runIfActive {
            transcribers.map { transcriber in
                Result {
                    try AudioPreparation.clips(recording.file, format: format, maxBytes: transcriber.maxUploadBytes,
                                               maxSeconds: transcriber.maxClipSeconds,
                                               splitStereo: splitStereo, transcoder: transcoder, folder: folder)
                }
            }
        }
        var links: [ProviderLink<Transcript>] = []
        var refusal: (any Error)?
        for (transcriber, clips) in zip(transcribers, prepared) {
            switch clips {
            case .success(let clips):
                let transcription = ClipTranscription(transcriber: transcriber, clips: clips, language: language)
                links.append(ProviderLink(provider: transcriber.provider, model: transcriber.model, cacheable: true) {
                    try await transcription.run()
                })
            case .failure(let error):
                refusal = error
            }
        }
        if links.isEmpty, let refusal { throw CallFailure.permanent(String(describing: refusal)) }
        let identity = "\(recording.digest)|\(language ?? "")|stereo-split=\(splitStereo)"
        return try await throughChain(callID: callID, spent: []) {
            try await chain.run(step: "transcription", links: links, identity: identity, logger: logger)
        }
    }

    /// Runs a chain step; when it fails, the requests it and the steps before it (`spent`) made are recorded — they
    /// were paid for — and the error becomes one the processor understands: bad input fails the call, exhaustion
    /// retries it later.
    func throughChain<Value>(callID: UUID, spent: [ProviderUsage], _ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as ProviderChainError {
            if !(spent + error.usage).isEmpty { try await repository.recordUsage(callID, spent + error.usage) }
            throw CallFailure(error.description, error.disposition)
        }
    }

    /// The recording, written to `folder` as it arrives: read from PostgreSQL a chunk at a time for an upload,
    /// downloaded straight to the file for a URL. Hashed and sniffed without being held in memory.
    func acquire(_ call: CallRecord, into folder: String) async throws -> Recording {
        let path = "\(folder)/recording"
        if call.source == .upload || call.source == .live {
            guard let audio = try await repository.audio(of: call.id) else {
                throw CallFailure.permanent("the uploaded recording is missing")
            }
            let writer = try await RecordingWriter.create(path, threads: audioThreads)
            var index = 0
            while writer.size < audio.size, let chunk = try await repository.audioChunk(index, of: call.id) {
                try await writer.append(chunk)
                index += 1
            }
            guard writer.size == audio.size else {
                throw CallFailure.permanent("the uploaded recording is incomplete: \(writer.size) of \(audio.size) bytes are stored")
            }
            return writer.finish()
        }
        guard let url = call.audioURL else { throw CallFailure.permanent("the call has no recording URL") }
        var request = HTTPRequest(url: url)
        request.maxResponseBytes = configuration.maxDownloadBytes
        request.timeout = configuration.downloadTimeout
        request.allowPrivateAddresses = configuration.allowPrivateAudioURLs
        request.responseFile = path
        let response: HTTPResponse
        do {
            response = try await http.execute(request)
        } catch let error as HTTPClientError {
            throw CallFailure("downloading the recording failed: \(error)", error.disposition)
        }
        guard (200..<300).contains(response.status) else {
            throw CallFailure(
                "the recording URL answered \(response.status)",
                HTTPStatusPolicy.disposition(status: response.status, server: .recordingSource))
        }
        return try await audioThreads.runIfActive { try Recording(downloaded: path) }
    }
}
