import Foundation

/// Where a service looks for a file or folder it ships beside its binary (the API description, the dashboard):
/// next to the executable, in the working directory, in `/app` (the container image).
public enum ResourceSearch {
    /// The paths `name` is looked for at, in order.
    public static func candidates(named name: String) -> [String] {
        let executableDirectory = Bundle.main.executableURL?.deletingLastPathComponent().path
        let directories = [executableDirectory, FileManager.default.currentDirectoryPath, "/app"].compactMap { $0 }
        return directories.map { URL(fileURLWithPath: $0).appendingPathComponent(name).path }
    }
}
