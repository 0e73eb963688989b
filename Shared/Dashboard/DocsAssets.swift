import CallAuditCore
import Foundation

/// Where the API explorer's files are looked for when `DOCS_ASSETS_DIR` is not set: the `static` folder of the PyPI
/// package `fastapi-offline` in the project's virtual environment (`.run/venv`, made by `scripts/setup.sh`) or in
/// the system's Python, and `docs-assets` next to the executable, in the working directory or in `/app` (the image).
public enum DocsAssets {
    /// The package's folder inside a `site-packages`.
    static let packageFolder = "fastapi_offline/static"

    /// The candidate folders, in order.
    public static var searchPaths: [String] {
        let cwd = FileManager.default.currentDirectoryPath
        let libraries = [cwd + "/.run/venv/lib", "/usr/local/lib", "/usr/lib"]
        var paths: [String] = []
        for library in libraries {
            let pythons = ((try? FileManager.default.contentsOfDirectory(atPath: library)) ?? [])
                .filter { $0.hasPrefix("python3") }.sorted()
            for python in pythons {
                for packages in ["site-packages", "dist-packages"] {
                    paths.append("\(library)/\(python)/\(packages)/\(packageFolder)")
                }
            }
        }
        return paths + ResourceSearch.candidates(named: "docs-assets")
    }
}
