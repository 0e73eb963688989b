import Foundation
import Hummingbird
import NIOCore

/// Writes `text/event-stream` events to a response body; a write that fails (the client left) throws
/// ``ClientGone``.
struct ServerSentEventWriter {
    /// The client closed the connection.
    struct ClientGone: Error {}

    var writer: any ResponseBodyWriter

    /// Sends `event` with `payload` as its JSON data.
    mutating func send(_ event: String, _ payload: some Encodable) async throws {
        let data = String(decoding: try JSONEncoder.chatEvents.encode(payload), as: UTF8.self)
        do {
            try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(data)\n\n"))
        } catch {
            throw ClientGone()
        }
    }

    /// Ends the stream.
    consuming func finish() async throws {
        try await writer.finish(nil)
    }
}

extension JSONEncoder {
    /// Compact JSON with ISO 8601 dates, one event per line.
    static var chatEvents: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }
}
