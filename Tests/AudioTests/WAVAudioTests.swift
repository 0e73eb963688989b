import Audio
import Testing

@Suite("WAV measuring and cutting")
struct WAVAudioTests {
    /// A stereo PCM16 file whose left channel counts up and right channel counts down.
    static func stereo(frames: Int, rate: Int = 8000) -> [UInt8] {
        var samples: [UInt8] = []
        for frame in 0..<frames {
            let left = Int16(frame % 1000), right = Int16(-(frame % 1000))
            samples += [UInt8(truncatingIfNeeded: left), UInt8(truncatingIfNeeded: left >> 8)]
            samples += [UInt8(truncatingIfNeeded: right), UInt8(truncatingIfNeeded: right >> 8)]
        }
        return WAVAudio.file(samples, formatTag: 1, channels: 2, sampleRate: rate, bitsPerSample: 16)
    }

    @Test("the header gives channels, rate and duration")
    func measures() throws {
        let wav = try #require(WAVAudio(Self.stereo(frames: 16_000)))
        #expect(wav.channels == 2)
        #expect(wav.sampleRate == 8000)
        #expect(wav.duration == 2.0)
        #expect(WAVAudio(Array("RIFF0000WAVX".utf8)) == nil)
    }

    @Test("a stereo file splits into one mono file per channel with the right samples")
    func splitsChannels() throws {
        let files = try #require(WAVAudio(Self.stereo(frames: 800))).channelFiles()
        #expect(files.count == 2)
        let left = try #require(WAVAudio(files[0])), right = try #require(WAVAudio(files[1]))
        #expect(left.channels == 1 && right.channels == 1)
        #expect(left.duration == 0.1)
        #expect(Array(files[0][44 + 2 * 5..<44 + 2 * 6]) == [5, 0])
        #expect(Array(files[1][44 + 2 * 5..<44 + 2 * 6]) == [0xFB, 0xFF])
    }

    @Test("a file over the limit is cut into valid pieces with their start times; stereo is split first")
    func cutsPieces() throws {
        let recording = Self.stereo(frames: 80_000)
        let clips = try AudioPreparation.clips(recording, format: .wav, maxBytes: 50_044, splitStereo: true, transcoder: nil)
        #expect(clips.count == 8)
        #expect(clips.allSatisfy { $0.bytes.count <= 50_044 && WAVAudio($0.bytes) != nil })
        #expect(clips.filter { $0.speaker == "channel 1" }.map(\.offset) == [0, 3.125, 6.25, 9.375])
        let whole = try AudioPreparation.clips(recording, format: .wav, maxBytes: 50_044, splitStereo: false, transcoder: nil)
        #expect(whole.count == 7)
        #expect(whole.reduce(0) { $0 + ($1.duration ?? 0) } == 10)
        #expect(throws: AudioPreparation.TooLarge.self) {
            try AudioPreparation.clips([UInt8](repeating: 0xFF, count: 100), format: .mp3, maxBytes: 50, splitStereo: true, transcoder: nil)
        }
    }

    @Test("a model's limit on seconds cuts a file that fits in bytes: 10 s for a 4 s limit is three pieces")
    func cutsByDuration() throws {
        let recording = Self.stereo(frames: 80_000)
        let clips = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: 4, splitStereo: false,
                                               transcoder: nil)
        #expect(clips.map(\.offset) == [0, 4, 8])
        #expect(clips.map(\.duration) == [4, 4, 2])
        let perChannel = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: 4, splitStereo: true,
                                                    transcoder: nil)
        #expect(perChannel.count == 6)
        let unlimited = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: nil, splitStereo: false,
                                                   transcoder: nil)
        #expect(unlimited.count == 1)
    }
}
