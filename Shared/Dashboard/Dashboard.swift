import CallAuditCore
import Foundation
import Mustache

/// The team lead's web UI, ready to render: the templates and static files of the `dashboard` folder and the API
/// explorer's files (Swagger UI and ReDoc from the PyPI package `fastapi-offline`), all read once at start.
public struct Dashboard: Sendable {
    let library: MustacheLibrary
    /// Static files by name: the folder's `static/` files, and the API explorer's when they were found.
    public let assets: [String: DashboardAsset]
    /// Where the API explorer's files were looked for when they were not found; empty when they were.
    public let docsSearched: [String]

    /// Whether `/docs` and `/redoc` can be shown.
    public var hasDocs: Bool { docsSearched.isEmpty }

    /// The API explorer's files the pages use.
    static let docsFiles = ["swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js"]

    /// Reads the dashboard from `directory` (`DASHBOARD_DIR`), else from the first `dashboard` folder next to the
    /// executable, in the working directory or in `/app`; a missing folder or a template that does not parse is a
    /// `ConfigurationError`. The explorer's files come from `docsDirectory` (`DOCS_ASSETS_DIR`) or the places
    /// ``DocsAssets/searchPaths`` lists; without them the explorer's pages say what to install.
    public static func load(directory: String?, docsDirectory: String?) async throws -> Dashboard {
        let candidates = directory.map { [$0] } ?? ResourceSearch.candidates(named: "dashboard")
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/templates/layout.mustache") })
        else {
            let reason = if let directory { "\(directory) has no templates/layout.mustache" } else {
                "no dashboard folder in \(candidates.joined(separator: ", ")); set DASHBOARD_DIR to it"
            }
            throw ConfigurationError(key: "DASHBOARD_DIR", reason: reason)
        }
        let library: MustacheLibrary
        do {
            library = try await MustacheLibrary(directory: found + "/templates")
        } catch {
            throw ConfigurationError(key: "DASHBOARD_DIR", reason: "\(found)/templates cannot be used: \(error)")
        }
        var assets = try Self.files(in: found + "/static")
        let docsCandidates = docsDirectory.map { [$0] } ?? DocsAssets.searchPaths
        let docs = docsCandidates.first { path in docsFiles.allSatisfy { FileManager.default.isReadableFile(atPath: path + "/" + $0) } }
        if let docs {
            for name in docsFiles { assets[name] = try Self.file(docs + "/" + name) }
        }
        return Dashboard(library: library, assets: assets, docsSearched: docs == nil ? docsCandidates : [])
    }

    /// Renders a template inside the frame every page shares: templates read the frame as `frame`, their page as
    /// `page` and the labels of the page's language as `t`. Every value is HTML-escaped (templates use `{{ }}` only).
    public func render(_ template: String, frame: PageFrame, page: Any) -> String {
        let context: [String: Any] = ["frame": frame, "page": page, "t": frame.strings]
        return library.render(context, withTemplate: template) ?? "template \(template) is missing"
    }

    static func files(in directory: String) throws -> [String: DashboardAsset] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var files: [String: DashboardAsset] = [:]
        for name in names where DashboardAsset.contentType(of: name) != nil {
            files[name] = try file(directory + "/" + name)
        }
        return files
    }

    static func file(_ path: String) throws -> DashboardAsset {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(key: "DASHBOARD_DIR", reason: "\(path) cannot be read")
        }
        return DashboardAsset(contentType: DashboardAsset.contentType(of: name) ?? "application/octet-stream", bytes: Array(data))
    }
}
