import CallAuditCore
import CallAuditRuntime
import CallStore
import CoreExtensions
import Crypto
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle

/// Makes every recording or `.txt` dialog that appears in the drop folder a call, exactly once, also across restarts
/// and ingest replicas watching one folder: a file is taken once it has stopped changing for `INBOX_SETTLE_SECONDS`,
/// claimed with an atomic rename (one process wins), accepted through the same validation and intake as an upload
/// under an idempotency key made of its path and content (so taking it again after a crash answers the same call),
/// then moved to `processed/`, or with a reason to `failed/` when it cannot be a call. A claim left by a process that
/// died is taken over after `INBOX_CLAIM_TIMEOUT_SECONDS`; one that failed for a passing cause (PostgreSQL or Redis
/// down) is tried again at the next pass.
public struct DropFolderWatcher: Service {
    /// What one pass leaves for the next.
    struct Scan: Sendable {
        /// The files waiting at the last pass, by relative path: taken when they are the same at the next.
        var waiting: [String: DropFolder.Entry] = [:]
        /// This process's claims that failed for a passing cause.
        var retrying: Set<String> = []
    }

    /// What became of a claimed file.
    enum Outcome: Sendable, Equatable {
        case accepted(UUID)
        case refused(String)
        case retryLater
    }

    static let audioTypes = [
        "wav": "audio/wav", "mp3": "audio/mpeg", "m4a": "audio/mp4", "mp4": "audio/mp4", "ogg": "audio/ogg",
        "oga": "audio/ogg", "opus": "audio/ogg", "webm": "audio/webm", "flac": "audio/flac", "aac": "audio/aac",
        "amr": "audio/amr", "mpga": "audio/mpeg",
    ]

    let folder: DropFolder
    let settings: DropFolderSettings
    let intake: CallIntake
    let configuration: IngestConfiguration
    let backends: Backends
    let logger: Logger

    /// A watcher of `settings`' folder that accepts through `dependencies`' intake once `backends` are prepared.
    public init(settings: DropFolderSettings, dependencies: IngestDependencies, backends: Backends) {
        folder = DropFolder(root: settings.path)
        self.settings = settings
        intake = dependencies.intake
        configuration = dependencies.configuration
        self.backends = backends
        logger = dependencies.logger
    }

    /// Waits until the backends are prepared, then makes a pass every `INBOX_SCAN_MILLISECONDS` until shutdown.
    public func run() async throws {
        try await cancelWhenGracefulShutdown { try await backends.prepare(logger: logger) }
        try await blocking { try folder.prepare() }
        logger.info("watching the drop folder", metadata: ["path": "\(settings.path)"])
        var scan = Scan()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            scan = await pass(scan)
            try? await Task.sleep(for: settings.scanInterval)
        }
    }

    /// One pass: this process's claims to retry and claims left too long by another, then the waiting files that have
    /// not changed since the last pass and not for `settle`.
    func pass(_ last: Scan, now: Date = Date()) async -> Scan {
        var next = Scan()
        let (claimed, waiting) = (try? await blocking { (folder.claimed(), folder.waiting()) }) ?? ([], [])
        let abandoned = claimed.filter {
            last.retrying.contains($0.relativePath) || now.timeIntervalSince($0.changed) >= Double(settings.claimTimeout.components.seconds)
        }
        for entry in abandoned where await take(entry.relativePath) == .retryLater {
            next.retrying.insert(entry.relativePath)
        }
        let settle = Double(settings.settle.components.seconds)
        for entry in waiting {
            guard last.waiting[entry.relativePath] == entry, now.timeIntervalSince(entry.modified) >= settle else {
                next.waiting[entry.relativePath] = entry
                continue
            }
            guard (try? await blocking({ folder.claim(entry.relativePath) })) == true else { continue }
            if await take(entry.relativePath) == .retryLater { next.retrying.insert(entry.relativePath) }
        }
        return next
    }

    /// Makes a claimed file a call and moves it on; answers what became of it.
    @discardableResult
    func take(_ relativePath: String) async -> Outcome {
        let outcome = await accept(relativePath)
        do {
            switch outcome {
            case .accepted(let id):
                try await blocking { try folder.finish(relativePath, into: DropFolder.processedFolder) }
                logger.info("dropped file accepted", metadata: ["file": "\(relativePath)", "call_id": "\(id.uuidString.lowercased())"])
            case .refused(let reason):
                try await blocking { try folder.finish(relativePath, into: DropFolder.failedFolder, reason: reason) }
                logger.warning("dropped file refused", metadata: ["file": "\(relativePath)", "reason": "\(reason)"])
            case .retryLater:
                break
            }
        } catch {
            logger.warning("could not move a dropped file on; it is taken again later",
                           metadata: ["file": "\(relativePath)", "error": "\(error)"])
        }
        return outcome
    }

    /// The call a claimed file stands for, through the API's validation and intake. A recording is stored a chunk at a
    /// time as it is read (the upload's way: never whole in memory), under an id of its own that the call takes, or
    /// whose chunks are removed when the call was stored before or is refused.
    func accept(_ relativePath: String) async -> Outcome {
        await intake.calls.withRecordingID { audioID in await make(relativePath, audioID: audioID) }
    }

    private func make(_ relativePath: String, audioID: UUID) async -> Outcome {
        let url = URL(fileURLWithPath: relativePath)
        let kind = url.pathExtension.lowercased()
        let isText = kind == "txt"
        guard isText || Self.audioTypes[kind] != nil else {
            return .refused("not a recording (\(Self.audioTypes.keys.sorted().joined(separator: ", "))) or a .txt dialog")
        }
        let (limit, limitName) = isText ? (configuration.maxTextBytes, "MAX_TEXT_BYTES") : (configuration.maxUploadBytes, "MAX_UPLOAD_BYTES")
        do {
            let (size, sidecar) = try await blocking { (folder.size(ofClaimed: relativePath) ?? 0, try folder.sidecar(ofClaimed: relativePath)) }
            guard size <= limit else { return .refused("larger than \(limitName) (\(limit) bytes)") }
            var submission = CallSubmission()
            if let sidecar {
                do {
                    submission = try JSONDecoder().decode(CallSubmission.self, from: sidecar)
                } catch {
                    return .refused("its sidecar \(DropFolder.sidecar(of: relativePath) ?? "") is not a JSON object of call fields")
                }
            }
            let subfolder = (relativePath as NSString).deletingLastPathComponent
            if submission.managerID == nil && !subfolder.isEmpty { submission.managerID = subfolder }
            var digest = SHA256()
            digest.update(data: Data((relativePath + "\n").utf8))
            let reader = try await blocking { try FileHandle(forReadingFrom: URL(fileURLWithPath: folder.path(DropFolder.claimedFolder, relativePath))) }
            defer { try? reader.close() }
            var text = Data()
            var chunks = 0
            while let piece = try await blocking({ try reader.read(upToCount: AudioChunk.size) }), !piece.isEmpty {
                digest.update(data: piece)
                if isText {
                    text += piece
                } else {
                    try await intake.calls.storeAudioChunk(Array(piece), index: chunks, of: audioID)
                    chunks += 1
                }
            }
            let key = "inbox:" + Array(digest.finalize()).hexString
            let call: NewCall
            if isText {
                submission.dialogText = String(decoding: text, as: UTF8.self)
                call = try submission.validated(source: .text, idempotencyKey: key, limits: configuration.submissionLimits)
            } else {
                let audio = UploadedAudio(filename: url.lastPathComponent, contentType: Self.audioTypes[kind], size: size)
                call = try submission.validated(source: .upload, idempotencyKey: key, id: audioID, audio: audio,
                                                limits: configuration.submissionLimits)
            }
            return .accepted(try await intake.accept(call).id)
        } catch let error as CallAuditError where error.status < 500 {
            return .refused(error.message)
        } catch {
            logger.warning("a dropped file could not be accepted now; it is tried again",
                           metadata: ["file": "\(relativePath)", "error": "\(error)"])
            return .retryLater
        }
    }

    private func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}
