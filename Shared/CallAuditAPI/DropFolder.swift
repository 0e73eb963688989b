import Foundation

/// The drop folder on disk and the moves of a file through it: waiting in the folder (or a manager's subfolder),
/// claimed under `.claimed/` by one process with an atomic rename, then kept in `processed/` or, with a reason file,
/// in `failed/`, each keeping its subfolder. Hidden files (a copy still under way, as rsync writes them) and `.json`
/// sidecars are not calls. Every method blocks on the file system: run them off the cooperative threads.
struct DropFolder: Sendable {
    /// A file in the folder, by its path under the folder (`anna/call.wav`, `call.txt`).
    struct Entry: Sendable, Equatable {
        let relativePath: String
        let size: Int
        /// When its content last changed.
        let modified: Date
        /// When it last changed at all (a rename into `.claimed/` sets it).
        let changed: Date
    }

    static let claimedFolder = ".claimed"
    static let processedFolder = "processed"
    static let failedFolder = "failed"
    let root: String

    /// Creates the folders the files move through.
    func prepare() throws {
        for folder in [Self.claimedFolder, Self.processedFolder, Self.failedFolder] {
            try FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
        }
    }

    /// The files waiting to be taken.
    func waiting() -> [Entry] {
        files(under: root, skipping: [Self.claimedFolder, Self.processedFolder, Self.failedFolder])
    }

    /// The files claimed by some process and not finished yet.
    func claimed() -> [Entry] {
        files(under: path(Self.claimedFolder), skipping: [])
    }

    /// Takes a waiting file (and its sidecar) for this process: `false` when another process took it first.
    func claim(_ relativePath: String) -> Bool {
        guard move(path(relativePath), to: path(Self.claimedFolder, relativePath)) else { return false }
        if let sidecar = Self.sidecar(of: relativePath) {
            _ = move(path(sidecar), to: path(Self.claimedFolder, sidecar))
        }
        return true
    }

    /// A claimed file's size in bytes, when it is there.
    func size(ofClaimed relativePath: String) -> Int? {
        Self.entry(folder: path(Self.claimedFolder), relativePath: relativePath)?.size
    }

    /// A claimed file's sidecar (`call.json` beside `call.wav`), claimed with it or still waiting (a process that died
    /// between the two renames).
    func sidecar(ofClaimed relativePath: String) throws -> Data? {
        guard let sidecar = Self.sidecar(of: relativePath) else { return nil }
        for candidate in [path(Self.claimedFolder, sidecar), path(sidecar)] where FileManager.default.fileExists(atPath: candidate) {
            return try Data(contentsOf: URL(fileURLWithPath: candidate))
        }
        return nil
    }

    /// Moves a claimed file and its sidecar to `processed/` or `failed/` (under another name when one is taken there);
    /// `reason`, for `failed/`, is written beside it as `<name>.reason.txt`.
    func finish(_ relativePath: String, into folder: String, reason: String? = nil) throws {
        let target = freeName(path(folder, relativePath))
        guard move(path(Self.claimedFolder, relativePath), to: target) else { return }
        if let sidecar = Self.sidecar(of: relativePath) {
            for source in [path(Self.claimedFolder, sidecar), path(sidecar)] where FileManager.default.fileExists(atPath: source) {
                _ = move(source, to: freeName(path(folder, sidecar)))
            }
        }
        if let reason {
            try Data((reason + "\n").utf8).write(to: URL(fileURLWithPath: target + ".reason.txt"))
        }
    }

    /// The sidecar's path of a file (`anna/call.wav` → `anna/call.json`); none for a sidecar itself.
    static func sidecar(of relativePath: String) -> String? {
        let url = URL(fileURLWithPath: relativePath)
        guard url.pathExtension.lowercased() != "json" else { return nil }
        let stem = url.deletingPathExtension().lastPathComponent
        let folder = (relativePath as NSString).deletingLastPathComponent
        return folder.isEmpty ? "\(stem).json" : "\(folder)/\(stem).json"
    }

    func path(_ components: String...) -> String {
        ([root] + components).joined(separator: "/")
    }

    /// The regular files directly in `folder` and in its subfolders (one level: the managers'), by relative path.
    private func files(under folder: String, skipping skipped: Set<String>) -> [Entry] {
        var entries: [Entry] = []
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") && !skipped.contains(name) {
            if let entry = Self.entry(folder: folder, relativePath: name) {
                entries.append(entry)
            } else if Self.isDirectory(folder + "/" + name) {
                for inner in (try? manager.contentsOfDirectory(atPath: folder + "/" + name)) ?? [] where !inner.hasPrefix(".") {
                    if let entry = Self.entry(folder: folder, relativePath: name + "/" + inner) { entries.append(entry) }
                }
            }
        }
        return entries.filter { !$0.relativePath.lowercased().hasSuffix(".json") }.sorted { $0.relativePath < $1.relativePath }
    }

    private static func entry(folder: String, relativePath: String) -> Entry? {
        var status = stat()
        guard stat(folder + "/" + relativePath, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Entry(relativePath: relativePath, size: Int(status.st_size), modified: date(status.st_mtim),
                     changed: date(status.st_ctim))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func date(_ time: timespec) -> Date {
        Date(timeIntervalSince1970: Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000)
    }

    /// Renames `source` to `target` (creating its folder): atomic, so that of two processes only one succeeds.
    private func move(_ source: String, to target: String) -> Bool {
        try? FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return rename(source, target) == 0
    }

    /// `path`, or `name-2.ext`, `name-3.ext`, … when it is taken.
    private func freeName(_ path: String) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return path }
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().path
        let suffix = url.pathExtension.isEmpty ? "" : ".\(url.pathExtension)"
        var number = 2
        while FileManager.default.fileExists(atPath: "\(stem)-\(number)\(suffix)") { number += 1 }
        return "\(stem)-\(number)\(suffix)"
    }
}
