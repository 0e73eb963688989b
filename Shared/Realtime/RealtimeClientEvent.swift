import CallAuditCore
import Foundation

/// The events CallAudit sends to the realtime server, as JSON text.
enum RealtimeClientEvent {
    /// `session.update` with a transcription session: the audio format the provider is sent, the model, language and
    /// prompt, server VAD and noise reduction.
    static func sessionUpdate(_ settings: RealtimeSettings, format: RealtimeAudioEncoding, language: String?) -> String {
        var transcription: [String: JSONValue] = ["model": .string(settings.model)]
        if let language { transcription["language"] = .string(language) }
        if let prompt = settings.prompt { transcription["prompt"] = .string(prompt) }
        let input: [String: JSONValue] = [
            "format": format.json,
            "transcription": .object(transcription),
            "turn_detection": .object([
                "type": "server_vad", "threshold": .number(settings.vadThreshold),
                "prefix_padding_ms": .number(Double(settings.vadPrefixPaddingMilliseconds)),
                "silence_duration_ms": .number(Double(settings.vadSilenceMilliseconds)),
            ]),
            "noise_reduction": settings.noiseReduction.map { .object(["type": .string($0)]) } ?? .null,
        ]
        let event: JSONValue = .object([
            "type": "session.update",
            "session": .object(["type": "transcription", "audio": .object(["input": .object(input)])]),
        ])
        return event.jsonText
    }

    /// `input_audio_buffer.append` with `audio` (already in the session's format), base64-encoded.
    static func append(_ audio: [UInt8]) -> String {
        "{\"type\":\"input_audio_buffer.append\",\"audio\":\"\(Data(audio).base64EncodedString())\"}"
    }

    /// `input_audio_buffer.commit`: what was appended since the last turn becomes one, also without a pause after it.
    static let commit = "{\"type\":\"input_audio_buffer.commit\"}"
}
