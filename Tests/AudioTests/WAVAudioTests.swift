import Audio
import Testing
import TestSupport

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

    /// `bytes` as a file in `folder`.
    static func file(_ bytes: [UInt8], in folder: TemporaryFolder) throws -> AudioFile {
        AudioFile(path: try folder.write(bytes), size: bytes.count)
    }

    @Test("the header gives channels, rate and duration")
    func measures() throws {
        let folder = try TemporaryFolder()
        let wav = try #require(WAVAudio(Self.file(Self.stereo(frames: 16_000), in: folder)))
        #expect(wav.channels == 2)
        #expect(wav.sampleRate == 8000)
        #expect(wav.duration == 2.0)
        #expect(WAVAudio(try Self.file(Array("RIFF0000WAVX".utf8), in: folder)) == nil)
    }

    @Test("a stereo file splits into one mono file per channel with the right samples")
    func splitsChannels() throws {
        let folder = try TemporaryFolder()
        let files = try #require(WAVAudio(Self.file(Self.stereo(frames: 800), in: folder))).channelFiles(in: folder.path)
        #expect(files.count == 2)
        let left = try #require(WAVAudio(files[0])), right = try #require(WAVAudio(files[1]))
        #expect(left.channels == 1 && right.channels == 1)
        #expect(left.duration == 0.1)
        #expect(try files[0].read(at: 44 + 2 * 5, count: 2) == [5, 0])
        #expect(try files[1].read(at: 44 + 2 * 5, count: 2) == [0xFB, 0xFF])
    }

    @Test("a file over the limit is cut into valid pieces with their start times; stereo is split first")
    func cutsPieces() throws {
        let folder = try TemporaryFolder()
        let recording = try Self.file(Self.stereo(frames: 80_000), in: folder)
        let clips = try AudioPreparation.clips(recording, format: .wav, maxBytes: 50_044, splitStereo: true, transcoder: nil,
                                               folder: folder.path)
        #expect(clips.count == 8)
        #expect(try clips.allSatisfy { try $0.size <= 50_044 && WAVAudio(Self.file($0.readBytes(), in: folder)) != nil })
        #expect(clips.filter { $0.speaker == "channel 1" }.map(\.offset) == [0, 3.125, 6.25, 9.375])
        let whole = try AudioPreparation.clips(recording, format: .wav, maxBytes: 50_044, splitStereo: false, transcoder: nil,
                                               folder: folder.path)
        #expect(whole.count == 7)
        #expect(whole.reduce(0) { $0 + ($1.duration ?? 0) } == 10)
        #expect(throws: AudioPreparation.TooLarge.self) {
            try AudioPreparation.clips(Self.file([UInt8](repeating: 0xFF, count: 100), in: folder), format: .mp3, maxBytes: 50,
                                       splitStereo: true, transcoder: nil, folder: folder.path)
        }
    }

    @Test("a model's limit on seconds cuts a file that fits in bytes: 10 s for a 4 s limit is three pieces")
    func cutsByDuration() throws {
        let folder = try TemporaryFolder()
        let recording = try Self.file(Self.stereo(frames: 80_000), in: folder)
        let clips = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: 4, splitStereo: false,
                                               transcoder: nil, folder: folder.path)
        #expect(clips.map(\.offset) == [0, 4, 8])
        #expect(clips.map(\.duration) == [4, 4, 2])
        let perChannel = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: 4, splitStereo: true,
                                                    transcoder: nil, folder: folder.path)
        #expect(perChannel.count == 6)
        let unlimited = try AudioPreparation.clips(recording, format: .wav, maxBytes: 25_000_000, maxSeconds: nil, splitStereo: false,
                                                   transcoder: nil, folder: folder.path)
        #expect(unlimited.count == 1)
    }
}
