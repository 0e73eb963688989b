/// Step 2 of DESIGN.md §2 for one provider: a recording turned into clips it accepts. A stereo WAV is split by
/// channel (one party per channel: exact diarization at no cost); a WAV over the provider's limit is cut into
/// pieces at frame boundaries; a compressed recording over the limit is re-encoded and cut by ffmpeg, or, without
/// ffmpeg, refused before it is sent. Blocking (ffmpeg): run it on a thread pool of its own.
public enum AudioPreparation {
    /// A recording no provider of the chain can take.
    public struct TooLarge: Error, CustomStringConvertible {
        /// The recording's size.
        public var bytes: Int
        /// The provider's limit.
        public var limit: Int

        public var description: String {
            "the \(bytes)-byte compressed recording is over the provider's \(limit)-byte limit and ffmpeg is not installed "
                + "to re-encode it; install ffmpeg on the worker or send WAV, which is cut into pieces"
        }
    }

    /// The clips of `recording` for a provider taking at most `maxBytes` and, when it says, `maxSeconds` per request.
    /// The length of a compressed recording is measured with ffprobe when the provider limits it; without ffmpeg it
    /// is sent as it is.
    public static func clips(
        _ recording: [UInt8], format: AudioFormat, maxBytes: Int, maxSeconds: Double? = nil, splitStereo: Bool,
        transcoder: AudioTranscoder?
    ) throws -> [AudioClip] {
        guard format == .wav, let wav = WAVAudio(recording) else {
            guard let transcoder else {
                guard recording.count <= maxBytes else { throw TooLarge(bytes: recording.count, limit: maxBytes) }
                return [AudioClip(bytes: recording, format: format)]
            }
            if recording.count <= maxBytes {
                guard let maxSeconds, let seconds = try transcoder.duration(recording, format: format), seconds > maxSeconds else {
                    return [AudioClip(bytes: recording, format: format)]
                }
            }
            return try transcoder.pieces(recording, format: format, maxBytes: maxBytes, maxSeconds: maxSeconds)
        }
        if splitStereo, wav.channels == 2 {
            return wav.channelFiles().enumerated().flatMap { channel, file -> [AudioClip] in
                pieces(of: WAVAudio(file) ?? wav, maxBytes: maxBytes, maxSeconds: maxSeconds, speaker: "channel \(channel + 1)")
            }
        }
        if recording.count <= maxBytes, wav.duration <= maxSeconds ?? .infinity {
            return [AudioClip(bytes: recording, format: .wav, duration: wav.duration)]
        }
        return pieces(of: wav, maxBytes: maxBytes, maxSeconds: maxSeconds, speaker: nil)
    }

    static func pieces(of wav: WAVAudio, maxBytes: Int, maxSeconds: Double?, speaker: String?) -> [AudioClip] {
        let pieces = wav.pieces(maxBytes: maxBytes, maxSeconds: maxSeconds)
        return pieces.enumerated().map { index, piece in
            let end = index + 1 < pieces.count ? pieces[index + 1].offset : wav.duration
            return AudioClip(bytes: piece.bytes, format: .wav, offset: piece.offset, duration: end - piece.offset, speaker: speaker)
        }
    }
}
