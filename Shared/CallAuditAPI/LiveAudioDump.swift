import Foundation
import NIOPosix
import Realtime

/// A live call's raw frames written as they came, to `<LIVE_AUDIO_DUMP_DIR>/<call id>.<format>` (for debugging what a
/// telephony bridge sends). Writes run on NIO's blocking pool, off Swift's cooperative threads.
actor LiveAudioDump {
    let handle: FileHandle

    init(handle: FileHandle) {
        self.handle = handle
    }

    /// The dump of call `id`, or `nil` when `directory` is `nil` (off).
    static func open(directory: String?, id: UUID, format: LiveAudioFormat) async throws -> LiveAudioDump? {
        guard let directory else { return nil }
        let suffix = format.name == "pcm16" ? "pcm16-\(format.sampleRate).raw" : "\(format.name).raw"
        let path = "\(directory)/\(id.uuidString.lowercased()).\(suffix)"
        let handle = try await NIOThreadPool.singleton.runIfActive {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        return LiveAudioDump(handle: handle)
    }

    /// Appends a frame; a failed write is dropped (the dump is for debugging, the call does not depend on it).
    func write(_ frame: [UInt8]) async {
        let handle = handle
        try? await NIOThreadPool.singleton.runIfActive { try handle.write(contentsOf: frame) }
    }

    /// Closes the file.
    func close() async {
        let handle = handle
        try? await NIOThreadPool.singleton.runIfActive { try handle.close() }
    }
}
