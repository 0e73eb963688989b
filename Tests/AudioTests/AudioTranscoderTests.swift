import Foundation
import Audio
import Testing
import TestSupport

/// ffmpeg (installed by scripts/setup.sh) re-encoding compressed recordings that are over a provider's limit. Every
/// ffmpeg run blocks until it ends, so each runs on the tests' thread pool, as the worker runs it on its own.
@Suite("Compressed recordings over the limit are re-encoded and cut, never sent to fail")
struct AudioTranscoderTests {
    /// An 11-second 128 kbit/s MP3 tone made by ffmpeg itself.
    static func mp3() async throws -> [UInt8] {
        try await TestThreadPool.run {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("tone-\(UUID().uuidString).mp3")
            defer { try? FileManager.default.removeItem(at: output) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
            process.arguments = ["-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=11",
                                 "-b:a", "128k", output.path]
            try process.run()
            process.waitUntilExit()
            return [UInt8](try Data(contentsOf: output))
        }
    }

    /// `clips` of `recording` written to `folder`, on the tests' thread pool; the pieces are written there too.
    static func clips(
        _ recording: [UInt8], maxBytes: Int, maxSeconds: Double? = nil, transcoder: AudioTranscoder?, folder: TemporaryFolder
    ) async throws -> [AudioClip] {
        try await TestThreadPool.run {
            let file = AudioFile(path: try folder.write(recording), size: recording.count)
            return try AudioPreparation.clips(file, format: .mp3, maxBytes: maxBytes, maxSeconds: maxSeconds, splitStereo: true,
                                              transcoder: transcoder, folder: folder.path)
        }
    }

    @Test("a 176 KB MP3 for a 30 KB limit becomes two MP3 pieces under the limit, six seconds apart")
    func reencodes() async throws {
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"), "ffmpeg is installed by scripts/setup.sh")
        let recording = try await Self.mp3()
        #expect(recording.count > 150_000)
        let folder = try TemporaryFolder()
        let clips = try await Self.clips(recording, maxBytes: 30_000, transcoder: transcoder, folder: folder)
        #expect(clips.count == 2)
        #expect(clips.map(\.offset) == [0, 6])
        let bytes = try clips.map { try $0.readBytes() }
        #expect(zip(clips, bytes).allSatisfy { $1.count <= 30_000 && $0.format == .mp3 && AudioFormat.sniff($1) == .mp3 })
    }

    @Test("an 11-second MP3 that fits in bytes but not in a 5-second limit is measured by ffprobe and cut in three")
    func cutsByDuration() async throws {
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        let recording = try await Self.mp3()
        let folder = try TemporaryFolder()
        let seconds = try #require(try await TestThreadPool.run {
            try transcoder.duration(AudioFile(path: try folder.write(recording), size: recording.count), folder: folder.path)
        })
        #expect(abs(seconds - 11) < 0.2)
        let clips = try await Self.clips(recording, maxBytes: 25_000_000, maxSeconds: 5, transcoder: transcoder, folder: folder)
        #expect(clips.map(\.offset) == [0, 5, 10])
        let whole = try await Self.clips(recording, maxBytes: 25_000_000, maxSeconds: 60, transcoder: transcoder, folder: folder)
        #expect(try whole.count == 1 && whole[0].readBytes() == recording, "short enough: sent as it is")
    }

    @Test("without ffmpeg the recording is refused with a message that says what to do; bytes that are not audio fail clearly")
    func refuses() async throws {
        let large = [UInt8](repeating: 0xFF, count: 100)
        let folder = try TemporaryFolder()
        let error = await #expect(throws: AudioPreparation.TooLarge.self) {
            try await Self.clips(large, maxBytes: 50, transcoder: nil, folder: folder)
        }
        #expect(error?.description.contains("install ffmpeg") == true)
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        await #expect(throws: AudioTranscoder.Failure.self) {
            try await Self.clips(large, maxBytes: 50, transcoder: transcoder, folder: folder)
        }
        #expect(AudioTranscoder.locate(path: "/nonexistent/ffmpeg", searchPath: nil) == nil)
    }

    @Test("a damaged 8 MB MP3 fails on ffmpeg's own message, not on the timeout: its stream of errors does not stall it")
    func damagedRecording() async throws {
        let located = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        let transcoder = AudioTranscoder(executable: located.executable, timeout: .seconds(60))
        let folder = try TemporaryFolder()
        let error = await #expect(throws: AudioTranscoder.Failure.self) {
            try await TestThreadPool.run {
                let noise = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom")).read(upToCount: 8_000_000) ?? Data()
                let damaged = [0xFF, 0xFB, 0x90, 0x00] + [UInt8](noise)
                let file = AudioFile(path: try folder.write(damaged), size: damaged.count)
                return try transcoder.pieces(file, maxBytes: 1_000_000, folder: folder.path)
            }
        }
        #expect(error?.message.contains("took longer") == false)
        #expect(error?.message.isEmpty == false)
    }
}
