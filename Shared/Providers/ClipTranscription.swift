import Audio
import CallAuditCore
import Synchronization

/// One recording's clips (its channels, or the pieces it was cut into) transcribed by one provider, one request
/// each, as one link of the chain. Clips already transcribed are kept across the chain's retries, so a retry sends
/// only the ones still missing; each paid request is reported once: in the reply, or with the failure of a later clip.
public final class ClipTranscription: Sendable {
    let transcriber: any Transcriber
    let clips: [AudioClip]
    let language: String?
    private let progress = Mutex(ClipProgress())

    /// Prepares `clips` for `transcriber`; `language` is an ISO 639-1 hint.
    public init(transcriber: any Transcriber, clips: [AudioClip], language: String?) {
        self.transcriber = transcriber
        self.clips = clips
        self.language = language
    }

    /// Transcribes the clips not yet transcribed and answers the joined transcript. Throws ``ProviderFailure``.
    public func run() async throws -> ProviderReply<Transcript> {
        for (index, clip) in clips.enumerated() where progress.withLock({ $0.transcripts[index] == nil }) {
            do {
                let reply = try await transcriber.transcribe(clip, language: language)
                progress.withLock { progress in
                    progress.transcripts[index] = reply.value
                    progress.unreported += reply.usage
                }
            } catch var failure as ProviderFailure {
                failure.paidBefore = progress.withLock { $0.takeUnreported() }
                throw failure
            }
        }
        return progress.withLock { progress in
            let parts = clips.indices.compactMap { index in progress.transcripts[index].map { (clip: clips[index], transcript: $0) } }
            return ProviderReply(value: Transcript.merged(parts), usage: progress.takeUnreported())
        }
    }
}

/// What a ``ClipTranscription`` has so far: the transcript of each finished clip, and the requests not yet reported.
struct ClipProgress {
    var transcripts: [Int: Transcript] = [:]
    var unreported: [ProviderUsage] = []

    mutating func takeUnreported() -> [ProviderUsage] {
        defer { unreported = [] }
        return unreported
    }
}
