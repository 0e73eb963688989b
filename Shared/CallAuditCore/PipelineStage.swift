/// The pipeline step a call is in (DESIGN.md §2), shown by `GET /v1/calls/{id}`.
public enum PipelineStage: String, Codable, Sendable, CaseIterable {
    /// Accepted and waiting in the queue.
    case queued
    /// Downloading the recording or reading the upload.
    case acquiring
    /// Sniffing the audio format and measuring it.
    case normalizing
    /// Turning audio into segments.
    case transcribing
    /// An audio call that waits until a transcription provider is configured.
    case awaitingTranscription = "awaiting_transcription"
    /// Telling the manager from the customer; scoring, summary, sentiment, profanity; the metrics.
    case analyzing
    /// Finished: the result is stored.
    case done
    /// Given up: the error says why.
    case failed
}
