/// Step 2 of DESIGN.md §2 for one provider: a recording turned into clips it accepts. A stereo WAV is split by
/// channel (one party per channel: exact diarization at no cost); a WAV over the provider's limit is cut into
/// pieces at frame boundaries. A compressed recording over the limit is refused before it is sent.
public enum AudioPreparation {
    /// A recording no provider of the chain can take.
    public struct TooLarge: Error, CustomStringConvertible {
        /// The recording's size.
        public var bytes: Int
        /// The provider's limit.
        public var limit: Int

        public var description: String {
            "the \(bytes)-byte compressed recording is over the provider's \(limit)-byte limit; send it as WAV, which is "
                + "cut into pieces, or re-encode it at a lower bit rate"
        }
    }

    /// The clips of `recording` for a provider taking at most `maxBytes` per request.
    public static func clips(_ recording: [UInt8], format: AudioFormat, maxBytes: Int, splitStereo: Bool) throws -> [AudioClip] {
        guard format == .wav, let wav = WAVAudio(recording) else {
            guard recording.count <= maxBytes else { throw TooLarge(bytes: recording.count, limit: maxBytes) }
            return [AudioClip(bytes: recording, format: format)]
        }
        if splitStereo, wav.channels == 2 {
            return wav.channelFiles().enumerated().flatMap { channel, file -> [AudioClip] in
                pieces(of: WAVAudio(file) ?? wav, maxBytes: maxBytes, speaker: "channel \(channel + 1)")
            }
        }
        if recording.count <= maxBytes { return [AudioClip(bytes: recording, format: .wav, duration: wav.duration)] }
        return pieces(of: wav, maxBytes: maxBytes, speaker: nil)
    }

    static func pieces(of wav: WAVAudio, maxBytes: Int, speaker: String?) -> [AudioClip] {
        let pieces = wav.pieces(maxBytes: maxBytes)
        return pieces.enumerated().map { index, piece in
            let end = index + 1 < pieces.count ? pieces[index + 1].offset : wav.duration
            return AudioClip(bytes: piece.bytes, format: .wav, offset: piece.offset, duration: end - piece.offset, speaker: speaker)
        }
    }
}
