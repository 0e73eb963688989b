/// How recordings are stored: in rows of at most ``size`` bytes (see ``CallStoreMigrations``, version 7).
public enum AudioChunk {
    /// Bytes per stored chunk: what ingest buffers of an upload before it writes, and what the worker reads at once.
    public static let size = 1024 * 1024
}
