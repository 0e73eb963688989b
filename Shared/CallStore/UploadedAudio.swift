/// A recording uploaded with a call: what the client said of it and its size. Its bytes are stored in chunks
/// (``AudioChunk``), written as the upload streams in and read back a chunk at a time.
public struct UploadedAudio: Sendable {
    /// The file name the client gave, if any.
    public var filename: String?
    /// The content type the client gave, if any.
    public var contentType: String?
    /// Its length in bytes.
    public var size: Int

    /// Creates an upload's description.
    public init(filename: String?, contentType: String?, size: Int) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
    }
}
