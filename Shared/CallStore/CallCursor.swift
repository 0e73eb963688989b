import CoreExtensions
import Foundation

/// The opaque position of a page of calls: the last call's `created_at` as PostgreSQL printed it and its id, and its
/// score (-1 without a result) when the list is sorted by score.
struct CallCursor {
    let score: Int?
    let createdAtText: String
    let id: UUID

    init(score: Int?, createdAtText: String, id: UUID) {
        self.score = score
        self.createdAtText = createdAtText
        self.id = id
    }

    init(encoded: String) throws {
        guard let data = Data(base64URL: encoded),
              let text = String(data: data, encoding: .utf8),
              let bar = text.lastIndex(of: "|"),
              let id = UUID(uuidString: String(text[text.index(after: bar)...]))
        else { throw CallStoreError.invalidCursor }
        let position = text[..<bar]
        if let scoreBar = position.firstIndex(of: "|") {
            guard let score = Int(position[..<scoreBar]) else { throw CallStoreError.invalidCursor }
            self.score = score
            self.createdAtText = String(position[position.index(after: scoreBar)...])
        } else {
            self.score = nil
            self.createdAtText = String(position)
        }
        self.id = id
    }

    /// URL-safe base64 without padding.
    var encoded: String {
        let position = score.map { "\($0)|\(createdAtText)" } ?? createdAtText
        return Data("\(position)|\(id.uuidString)".utf8).base64URL
    }
}
