import CallAuditCore
import CallAuditRuntime
import CallStore
import Foundation
import Testing
import TestSupport

@testable import CallAuditAPI

/// The drop folder on a real database and queue: files become calls exactly once and move on.
@Suite("Drop folder")
struct DropFolderTests {
    /// A watcher over a new temporary folder, settling at once, with the harness's intake.
    static func with(
        environment: [String: String] = [:],
        _ body: @escaping @Sendable (IngestHarness, DropFolderWatcher, String) async throws -> Void
    ) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await IngestHarness.with(environment: environment.merging(["INBOX_DIR": root, "INBOX_SETTLE_SECONDS": "0"]) { $1 }) {
            harness, _ in
            let settings = try #require(harness.dependencies.configuration.dropFolder)
            let watcher = DropFolderWatcher(settings: settings, dependencies: harness.dependencies, backends: harness.backends)
            try watcher.folder.prepare()
            try await body(harness, watcher, root)
        }
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test("a dialog in a manager's subfolder and a recording with a sidecar become calls with their fields, and move to processed/")
    func accepted() async throws {
        try await Self.with { harness, watcher, root in
            try Self.write("Manager: Hello, this is Anna.\nCustomer: I want a quote.", to: "\(root)/anna/monday.txt")
            try Data([UInt8]("RIFF\0\0\0\0WAVEfmt ".utf8) + [UInt8](repeating: 7, count: 5000)).write(to: URL(fileURLWithPath: "\(root)/call-17.wav"))
            try Self.write(#"{"manager_id": "boris", "mode": "client", "call_id": "crm-17", "language": "ru"}"#, to: "\(root)/call-17.json")

            let first = await watcher.pass(.init())
            #expect(first.waiting.count == 2, "a file is taken only once it is the same at two passes")
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty)
            _ = await watcher.pass(first)

            let calls = try await harness.repository.list(.init(), limit: 10, cursor: nil).calls
            #expect(calls.count == 2)
            let text = try #require(calls.first { $0.source == .text })
            #expect(text.managerID == "anna")
            #expect(try await harness.repository.find(text.id)?.dialogText?.hasPrefix("Manager: Hello") == true)
            let audio = try #require(calls.first { $0.source == .upload })
            #expect(audio.managerID == "boris")
            #expect(audio.mode == .client)
            #expect(audio.externalID == "crm-17")
            #expect(try await harness.repository.audio(of: audio.id)?.contentType == "audio/wav")
            #expect(Self.exists("\(root)/processed/anna/monday.txt"))
            #expect(Self.exists("\(root)/processed/call-17.wav") && Self.exists("\(root)/processed/call-17.json"))
            #expect(!Self.exists("\(root)/anna/monday.txt") && !Self.exists("\(root)/call-17.json"))
            #expect(try await harness.queue.stats().streamLength == 2, "both were queued")
        }
    }

    @Test("a file still growing is left alone until it stops; a hidden one (a copy under way) is never taken")
    func partialFiles() async throws {
        try await Self.with(environment: ["INBOX_SETTLE_SECONDS": "0"]) { harness, watcher, root in
            try Self.write("Manager: Hello", to: "\(root)/growing.txt")
            try Self.write("Manager: Hello", to: "\(root)/.growing.txt.part")
            var scan = await watcher.pass(.init())
            try Self.write("Manager: Hello\nCustomer: Hi, I am still being written", to: "\(root)/growing.txt")
            scan = await watcher.pass(scan)
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty, "it changed between passes")
            _ = await watcher.pass(scan)
            let calls = try await harness.repository.list(.init(), limit: 10, cursor: nil).calls
            #expect(calls.count == 1)
            let call = try #require(calls.first)
            #expect(try await harness.repository.find(call.id)?.dialogText?.contains("still being written") == true)
            #expect(Self.exists("\(root)/.growing.txt.part"))
        }
    }

    @Test("what cannot be a call goes to failed/ with the reason beside it")
    func refused() async throws {
        try await Self.with(environment: ["MAX_UPLOAD_BYTES": "64"]) { harness, watcher, root in
            try Self.write("not a call", to: "\(root)/notes.docx")
            try Self.write("", to: "\(root)/empty.txt")
            try Data(repeating: 1, count: 100).write(to: URL(fileURLWithPath: "\(root)/big.wav"))
            try Self.write("Manager: hi", to: "\(root)/bad-sidecar.txt")
            try Self.write("[1, 2]", to: "\(root)/bad-sidecar.json")
            try Self.write("Manager: hi", to: "\(root)/bad-mode.txt")
            try Self.write(#"{"mode": "sideways"}"#, to: "\(root)/bad-mode.json")
            _ = await watcher.pass(await watcher.pass(.init()))
            #expect(try await harness.repository.list(.init(), limit: 10, cursor: nil).calls.isEmpty)
            func reason(_ name: String) throws -> String {
                try String(contentsOfFile: "\(root)/failed/\(name).reason.txt", encoding: .utf8)
            }
            #expect(try reason("notes.docx").hasPrefix("not a recording (aac, amr"))
            #expect(try reason("empty.txt").contains("dialog_text is required"))
            #expect(try reason("big.wav").contains("larger than MAX_UPLOAD_BYTES (64 bytes)"))
            #expect(try reason("bad-sidecar.txt").contains("bad-sidecar.json is not a JSON object of call fields"))
            #expect(try reason("bad-mode.txt").contains("mode must be manager, client or dialog"))
            #expect(Self.exists("\(root)/failed/bad-mode.json"))
        }
    }

    @Test("two watchers on one folder make each file one call; a claim left by a dead process is taken over once")
    func exactlyOnce() async throws {
        try await Self.with(environment: ["INBOX_CLAIM_TIMEOUT_SECONDS": "1"]) { harness, watcher, root in
            let other = DropFolderWatcher(settings: watcher.settings, dependencies: harness.dependencies, backends: harness.backends)
            for index in 0..<20 { try Self.write("Manager: call number \(index)", to: "\(root)/team/\(index).txt") }
            let (mine, theirs) = (await watcher.pass(.init()), await other.pass(.init()))
            async let first = watcher.pass(mine)
            async let second = other.pass(theirs)
            _ = await (first, second)
            #expect(try await harness.repository.list(.init(), limit: 50, cursor: nil).calls.count == 20)
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/processed/team").count == 20)

            // A process accepted a file and died before moving it on; another that died right after claiming.
            try Self.write("Manager: accepted, then the process died", to: "\(root)/late/a.txt")
            try Self.write("Manager: claimed, then the process died", to: "\(root)/late/b.txt")
            #expect(watcher.folder.claim("late/a.txt") && watcher.folder.claim("late/b.txt"))
            #expect(!other.folder.claim("late/a.txt"), "one claim wins")
            #expect(await watcher.accept("late/a.txt") != .retryLater)
            let young = await other.pass(.init())
            #expect(try await harness.repository.list(.init(), limit: 50, cursor: nil).calls.count == 21, "a young claim is its owner's")
            try await Task.sleep(for: .milliseconds(1100))
            _ = await other.pass(young)
            #expect(try await harness.repository.list(.init(), limit: 50, cursor: nil).calls.count == 22, "taken over, a.txt not twice")
            #expect(Self.exists("\(root)/processed/late/a.txt") && Self.exists("\(root)/processed/late/b.txt"))
        }
    }
}
