import Foundation

/// The opaque position of a page of calls: the last call's `created_at` as PostgreSQL printed it, and its id.
struct CallCursor {
    let createdAtText: String
    let id: UUID

    init(createdAtText: String, id: UUID) {
        self.createdAtText = createdAtText
        self.id = id
    }

    init(encoded: String) throws {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let text = String(data: data, encoding: .utf8),
              let bar = text.lastIndex(of: "|"),
              let id = UUID(uuidString: String(text[text.index(after: bar)...]))
        else { throw CallStoreError.invalidCursor }
        self.createdAtText = String(text[..<bar])
        self.id = id
    }

    /// URL-safe base64 without padding.
    var encoded: String {
        Data("\(createdAtText)|\(id.uuidString)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
