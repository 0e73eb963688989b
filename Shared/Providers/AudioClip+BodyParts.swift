import Audio
import CurlHTTP

extension AudioClip {
    /// The clip as a request body: its files are read as the request is sent.
    var bodyParts: [HTTPBodyPart] {
        pieces.map { piece in
            switch piece {
            case .bytes(let bytes): .bytes(bytes)
            case .file(let path, let offset, let length): .file(path: path, offset: offset, length: length)
            }
        }
    }
}
