import CallAuditCore
import Foundation

extension OpenAPIDocument {
    /// The file's name in the places it is looked for.
    static let fileName = "openapi.yaml"

    /// Reads the API description from `path` (`OPENAPI_PATH`) when given, else from the first `openapi.yaml` next to
    /// the executable, in the working directory or in `/app` (the container image). A missing or unreadable file is a
    /// `ConfigurationError`: the service does not start without its contract.
    public static func load(path: String?) throws -> OpenAPIDocument {
        let candidates = path.map { [$0] } ?? searchPaths
        guard let found = candidates.first(where: FileManager.default.isReadableFile(atPath:)) else {
            let reason = if let path { "\(path) cannot be read" } else {
                "\(fileName) is not in \(candidates.joined(separator: ", ")); set OPENAPI_PATH to the API description"
            }
            throw ConfigurationError(key: "OPENAPI_PATH", reason: reason)
        }
        do {
            return try OpenAPIDocument(yaml: String(contentsOfFile: found, encoding: .utf8))
        } catch {
            throw ConfigurationError(key: "OPENAPI_PATH", reason: "\(found) cannot be used: \(error)")
        }
    }

    /// Next to the executable, the working directory, `/app`.
    static var searchPaths: [String] { ResourceSearch.candidates(named: fileName) }
}
