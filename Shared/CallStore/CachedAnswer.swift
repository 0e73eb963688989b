/// A provider's answer (JSON) kept in the answer cache under its content key.
public struct CachedAnswer: Sendable, Equatable {
    /// The content key: a hex digest of the step, provider, model, prompt version and input.
    public let key: String
    /// The pipeline step that asked (`transcription`, `analysis`).
    public let step: String
    /// The answer, JSON.
    public let answer: [UInt8]

    /// An answer to keep.
    public init(key: String, step: String, answer: [UInt8]) {
        self.key = key
        self.step = step
        self.answer = answer
    }
}
