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

    /// `clips` on the tests' thread pool.
    static func clips(_ recording: [UInt8], maxBytes: Int, maxSeconds: Double? = nil, transcoder: AudioTranscoder?)
        async throws -> [AudioClip]
    {
        try await TestThreadPool.run {
            try AudioPreparation.clips(recording, format: .mp3, maxBytes: maxBytes, maxSeconds: maxSeconds, splitStereo: true,
                                       transcoder: transcoder)
        }
    }

    @Test("a 176 KB MP3 for a 30 KB limit becomes two MP3 pieces under the limit, six seconds apart")
    func reencodes() async throws {
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"), "ffmpeg is installed by scripts/setup.sh")
        let recording = try await Self.mp3()
        #expect(recording.count > 150_000)
        let clips = try await Self.clips(recording, maxBytes: 30_000, transcoder: transcoder)
        #expect(clips.count == 2)
        #expect(clips.map(\.offset) == [0, 6])
        #expect(clips.allSatisfy { $0.bytes.count <= 30_000 && $0.format == .mp3 && AudioFormat.sniff($0.bytes) == .mp3 })
    }

    @Test("an 11-second MP3 that fits in bytes but not in a 5-second limit is measured by ffprobe and cut in three")
    func cutsByDuration() async throws {
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        let recording = try await Self.mp3()
        let seconds = try #require(try await TestThreadPool.run { try transcoder.duration(recording, format: .mp3) })
        #expect(abs(seconds - 11) < 0.2)
        let clips = try await Self.clips(recording, maxBytes: 25_000_000, maxSeconds: 5, transcoder: transcoder)
        #expect(clips.map(\.offset) == [0, 5, 10])
        let whole = try await Self.clips(recording, maxBytes: 25_000_000, maxSeconds: 60, transcoder: transcoder)
        #expect(whole.count == 1 && whole[0].bytes == recording, "short enough: sent as it is")
    }

    @Test("without ffmpeg the recording is refused with a message that says what to do; bytes that are not audio fail clearly")
    func refuses() async throws {
        let large = [UInt8](repeating: 0xFF, count: 100)
        let error = await #expect(throws: AudioPreparation.TooLarge.self) {
            try await Self.clips(large, maxBytes: 50, transcoder: nil)
        }
        #expect(error?.description.contains("install ffmpeg") == true)
        let transcoder = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        await #expect(throws: AudioTranscoder.Failure.self) {
            try await Self.clips(large, maxBytes: 50, transcoder: transcoder)
        }
        #expect(AudioTranscoder.locate(path: "/nonexistent/ffmpeg", searchPath: nil) == nil)
    }

    @Test("a damaged 8 MB MP3 fails on ffmpeg's own message, not on the timeout: its stream of errors does not stall it")
    func damagedRecording() async throws {
        let located = try #require(AudioTranscoder.locate(path: nil, searchPath: "/usr/bin"))
        let transcoder = AudioTranscoder(executable: located.executable, timeout: .seconds(60))
        let error = await #expect(throws: AudioTranscoder.Failure.self) {
            try await TestThreadPool.run {
                let noise = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/urandom")).read(upToCount: 8_000_000) ?? Data()
                return try transcoder.pieces([0xFF, 0xFB, 0x90, 0x00] + [UInt8](noise), format: .mp3, maxBytes: 1_000_000)
            }
        }
        #expect(error?.message.contains("took longer") == false)
        #expect(error?.message.isEmpty == false)
    }
}
