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
    /// is sent as it is. Channel files and re-encoded pieces are written to `folder`, which must outlive the clips.
    public static func clips(
        _ recording: AudioFile, format: AudioFormat, maxBytes: Int, maxSeconds: Double? = nil, splitStereo: Bool,
        transcoder: AudioTranscoder?, folder: String
    ) throws -> [AudioClip] {
        guard format == .wav, let wav = WAVAudio(recording) else {
            guard let transcoder else {
                guard recording.size <= maxBytes else { throw TooLarge(bytes: recording.size, limit: maxBytes) }
                return [AudioClip(file: recording, format: format)]
            }
            if recording.size <= maxBytes {
                guard let maxSeconds, let seconds = try transcoder.duration(recording, folder: folder), seconds > maxSeconds else {
                    return [AudioClip(file: recording, format: format)]
                }
            }
            return try transcoder.pieces(recording, maxBytes: maxBytes, maxSeconds: maxSeconds, folder: folder)
        }
        if splitStereo, wav.channels == 2 {
            return try wav.channelFiles(in: folder).enumerated().flatMap { channel, file -> [AudioClip] in
                pieces(of: WAVAudio(file) ?? wav, maxBytes: maxBytes, maxSeconds: maxSeconds, speaker: "channel \(channel + 1)")
            }
        }
        if recording.size <= maxBytes, wav.duration <= maxSeconds ?? .infinity {
            return [AudioClip(file: recording, format: .wav, duration: wav.duration)]
        }
        return pieces(of: wav, maxBytes: maxBytes, maxSeconds: maxSeconds, speaker: nil)
    }

    static func pieces(of wav: WAVAudio, maxBytes: Int, maxSeconds: Double?, speaker: String?) -> [AudioClip] {
        let pieces = wav.pieces(maxBytes: maxBytes, maxSeconds: maxSeconds)
        return pieces.enumerated().map { index, piece in
            let end = index + 1 < pieces.count ? pieces[index + 1].offset : wav.duration
            return AudioClip(pieces: piece.pieces, format: .wav, offset: piece.offset, duration: end - piece.offset, speaker: speaker)
        }
    }
}
