import Foundation

/// Re-encodes a compressed recording that is over a provider's limit with ffmpeg — mono, 16 kHz, 32 kbit/s MP3,
/// plenty for speech recognition — cut into pieces that each fit the limit. Its calls block: run them on a thread
/// pool of their own, never on Swift's cooperative threads.
public struct AudioTranscoder: Sendable {
    /// Bytes per second of the re-encoded audio (32 kbit/s).
    static let bytesPerSecond = 4000

    /// The ffmpeg executable.
    public let executable: String
    /// The longest one run may take.
    public let timeout: Duration

    /// Creates a transcoder around `executable`.
    public init(executable: String, timeout: Duration = .seconds(600)) {
        self.executable = executable
        self.timeout = timeout
    }

    /// ffmpeg at `path`, or the first `ffmpeg` on `PATH`; `nil` when there is none.
    public static func locate(path: String?, searchPath: String?) -> AudioTranscoder? {
        let candidates = path.map { [$0] } ?? (searchPath ?? "/usr/bin:/usr/local/bin").split(separator: ":").map { "\($0)/ffmpeg" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { AudioTranscoder(executable: $0) }
    }

    /// The transcoder could not read or encode the recording.
    public struct Failure: Error, CustomStringConvertible {
        /// What ffmpeg said.
        public var message: String

        public var description: String { "the recording could not be re-encoded: \(message)" }
    }

    /// `recording` as MP3 pieces of at most `maxBytes` (and `maxSeconds`), each with the second it starts at, written
    /// to a folder of their own in `folder`.
    public func pieces(_ recording: AudioFile, maxBytes: Int, maxSeconds: Double? = nil, folder: String) throws -> [AudioClip] {
        let output = URL(fileURLWithPath: folder).appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let bySize = max(1, Int(Double(maxBytes) * 0.9) / Self.bytesPerSecond)
        let seconds = maxSeconds.map { min(bySize, max(1, Int($0))) } ?? bySize
        try run(executable, ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", recording.path, "-vn", "-ac", "1",
                             "-ar", "16000", "-c:a", "libmp3lame", "-b:a", "32k", "-f", "segment", "-segment_time",
                             String(seconds), "-reset_timestamps", "1", output.appendingPathComponent("piece%04d.mp3").path],
                in: output)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix("piece") }.sorted()
        guard !names.isEmpty else { throw Failure(message: "ffmpeg wrote no audio") }
        return try names.enumerated().map { index, name in
            guard let piece = AudioFile(path: output.appendingPathComponent(name).path) else {
                throw Failure(message: "ffmpeg's piece \(name) is missing")
            }
            guard piece.size <= maxBytes else { throw Failure(message: "a piece is still over \(maxBytes) bytes") }
            var clip = AudioClip(file: piece, format: .mp3)
            clip.offset = Double(index * seconds)
            return clip
        }
    }

    /// The recording's length in seconds as ffprobe (next to ffmpeg) reads it; `nil` without ffprobe or when the
    /// container does not say. Its messages go to `folder`.
    public func duration(_ recording: AudioFile, folder: String) throws -> Double? {
        let probe = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("ffprobe").path
        guard FileManager.default.isExecutableFile(atPath: probe) else { return nil }
        let output = URL(fileURLWithPath: folder).appendingPathComponent("probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        let text = try run(probe, ["-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1",
                                   recording.path], in: output)
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs `program` (ffmpeg or ffprobe) in `folder` and answers what it printed. Its output and messages go to
    /// files there: a pipe nobody reads while it runs would fill up on a damaged recording and stall it until the
    /// timeout.
    @discardableResult
    func run(_ program: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let outputLog = folder.appendingPathComponent("stdout.log")
        let errorLog = folder.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: outputLog.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputLog)
        let errors = try FileHandle(forWritingTo: errorLog)
        defer {
            try? output.close()
            try? errors.close()
        }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw Failure(message: "\(URL(fileURLWithPath: program).lastPathComponent) took longer than \(timeout)")
            }
            usleep(20_000)
        }
        guard process.terminationStatus == 0 else {
            let text = String(decoding: (try? Data(contentsOf: errorLog)) ?? Data(), as: UTF8.self)
            throw Failure(message: String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300)))
        }
        return String(decoding: (try? Data(contentsOf: outputLog)) ?? Data(), as: UTF8.self)
    }
}
