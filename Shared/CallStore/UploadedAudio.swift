/// A recording uploaded with a call, stored in PostgreSQL until the worker has transcribed it.
public struct UploadedAudio: Sendable {
    /// The file name the client gave, if any.
    public var filename: String?
    /// The content type the client gave, if any.
    public var contentType: String?
    /// The bytes.
    public var data: [UInt8]

    /// Creates an upload.
    public init(filename: String?, contentType: String?, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}
