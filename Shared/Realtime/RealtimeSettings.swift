import CallAuditCore

/// How live calls are transcribed while they are spoken: OpenAI's realtime transcription session (README: Live calls).
/// Without `OPENAI_API_KEY` (or with `LIVE_TRANSCRIPTION=at_end`) live calls are transcribed by the batch chain when
/// they end.
public struct RealtimeSettings: Sendable {
    /// The WebSocket URL (`OPENAI_REALTIME_URL`).
    public var url: String
    /// The key sent as `Authorization: Bearer` (`OPENAI_API_KEY`).
    public var apiKey: String
    /// The transcription model (`OPENAI_REALTIME_MODEL`).
    public var model: String
    /// A prompt that guides the transcription (`OPENAI_REALTIME_PROMPT`).
    public var prompt: String?
    /// Server VAD: how loud speech must be, 0–1 (`LIVE_VAD_THRESHOLD`).
    public var vadThreshold: Double
    /// Server VAD: audio kept before speech starts (`LIVE_VAD_PREFIX_PADDING_MS`).
    public var vadPrefixPaddingMilliseconds: Int
    /// Server VAD: silence that ends a turn (`LIVE_VAD_SILENCE_MS`).
    public var vadSilenceMilliseconds: Int
    /// `near_field`, `far_field`, or `nil` for none (`LIVE_NOISE_REDUCTION`).
    public var noiseReduction: String?
    /// How many times a dropped connection is reopened in one session (`LIVE_RECONNECT_ATTEMPTS`).
    public var reconnectAttempts: Int
    /// How much audio not yet committed into a turn is kept to be sent again after a reconnect
    /// (`LIVE_REPLAY_SECONDS`); past it, the live transcript is given up and the batch chain transcribes the call.
    public var replaySeconds: Int
    /// How long the session waits after the end for the last turns' transcripts (`LIVE_FINAL_WAIT_SECONDS`).
    public var finalWait: Duration

    /// The settings, or `nil` when live calls are transcribed at the end.
    public static func read(_ environment: EnvironmentVariables) throws -> RealtimeSettings? {
        let mode = environment.string("LIVE_TRANSCRIPTION")
        let key = environment.string("OPENAI_API_KEY")
        switch mode {
        case nil, "realtime": break
        case "at_end": return nil
        case let other?:
            throw ConfigurationError(key: "LIVE_TRANSCRIPTION", value: other, expected: "realtime or at_end")
        }
        guard let key else {
            if mode == "realtime" {
                throw ConfigurationError(key: "LIVE_TRANSCRIPTION", reason: "realtime needs OPENAI_API_KEY")
            }
            return nil
        }
        let url = environment.string("OPENAI_REALTIME_URL", default: "wss://api.openai.com/v1/realtime?intent=transcription")
        guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else {
            throw ConfigurationError(key: "OPENAI_REALTIME_URL", value: url, expected: "a ws:// or wss:// URL")
        }
        let threshold = environment.string("LIVE_VAD_THRESHOLD", default: "0.5")
        guard let vadThreshold = Double(threshold), (0...1).contains(vadThreshold) else {
            throw ConfigurationError(key: "LIVE_VAD_THRESHOLD", value: threshold, expected: "a number from 0 to 1")
        }
        let noise = environment.string("LIVE_NOISE_REDUCTION", default: "near_field")
        guard ["near_field", "far_field", "off"].contains(noise) else {
            throw ConfigurationError(key: "LIVE_NOISE_REDUCTION", value: noise, expected: "near_field, far_field or off")
        }
        return RealtimeSettings(
            url: url, apiKey: key, model: environment.string("OPENAI_REALTIME_MODEL", default: "gpt-4o-transcribe"),
            prompt: environment.string("OPENAI_REALTIME_PROMPT"), vadThreshold: vadThreshold,
            vadPrefixPaddingMilliseconds: max(0, try environment.int("LIVE_VAD_PREFIX_PADDING_MS", default: 300)),
            vadSilenceMilliseconds: max(100, try environment.int("LIVE_VAD_SILENCE_MS", default: 500)),
            noiseReduction: noise == "off" ? nil : noise,
            reconnectAttempts: max(0, try environment.int("LIVE_RECONNECT_ATTEMPTS", default: 5)),
            replaySeconds: max(1, try environment.int("LIVE_REPLAY_SECONDS", default: 30)),
            finalWait: .seconds(max(1, try environment.int("LIVE_FINAL_WAIT_SECONDS", default: 10))))
    }

    /// The realtime variables, for `--help`.
    public static let settings: [ConfigurationSetting] = [
        .init("LIVE_TRANSCRIPTION", "realtime with OPENAI_API_KEY, else at_end",
              "realtime: live calls are transcribed as they are spoken; at_end: by the batch chain when they end"),
        .init("OPENAI_REALTIME_URL", "wss://api.openai.com/v1/realtime?intent=transcription", "the realtime WebSocket"),
        .init("OPENAI_REALTIME_MODEL", "gpt-4o-transcribe", "the realtime transcription model"),
        .init("OPENAI_REALTIME_PROMPT", "unset", "a prompt that guides the live transcription (names, products)"),
        .init("LIVE_VAD_THRESHOLD", "0.5", "server VAD: how loud speech must be (0–1)"),
        .init("LIVE_VAD_PREFIX_PADDING_MS", "300", "server VAD: audio kept before speech starts"),
        .init("LIVE_VAD_SILENCE_MS", "500", "server VAD: silence that ends a turn"),
        .init("LIVE_NOISE_REDUCTION", "near_field", "near_field (headsets), far_field (speakerphones) or off"),
        .init("LIVE_RECONNECT_ATTEMPTS", "5", "how often a dropped realtime connection is reopened in one session"),
        .init("LIVE_REPLAY_SECONDS", "30", "audio kept to send again after a reconnect; past it the batch chain transcribes"),
        .init("LIVE_FINAL_WAIT_SECONDS", "10", "how long the end of a session waits for the last turns' transcripts"),
    ]
}
