import HTTPTypes
import Hummingbird
import NIOCore

/// Runs a response body to its end and keeps nothing: a streamed answer waited for whole (the dashboard's form
/// without its script), whose result is stored anyway.
struct DiscardingBodyWriter: ResponseBodyWriter {
    mutating func write(_ buffer: ByteBuffer) async throws {}

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
