import Foundation
import Logging
import NIOCore
import NIOWebSocket
import WSClient

/// A test's client of `GET /v1/live`: sends frames (at a pace, or at once), then ends the way a test asks, and
/// collects every event the server sends until it closes.
struct LiveClient {
    /// How the client stops sending.
    enum Ending {
        /// `{"type":"end"}`.
        case end
        /// A text message of its own.
        case text(String)
        /// Nothing: it goes quiet and waits for the server to end the session.
        case silence
    }

    /// What a session came to: the events in order, and the code the server closed with.
    struct Session {
        var events: [[String: Any]]
        var closeCode: WebSocketErrorCode?

        func events(_ type: String) -> [[String: Any]] { events.filter { $0["type"] as? String == type } }

        var callID: String? { events("call.queued").first?["call_id"] as? String }
    }

    static func run(
        url: String, frames: [[UInt8]], pace: Duration? = nil, ending: Ending = .end, headers: [String: String] = [:]
    ) async throws -> Session {
        let log = EventLog()
        var configuration = WebSocketClientConfiguration()
        for (name, value) in headers { configuration.additionalHeaders[.init(name)!] = value }
        let close = try await WebSocketClient.connect(url: url, configuration: configuration, logger: Logger(label: "live-client")) {
            inbound, outbound, _ in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message { await log.add(text) }
                    }
                }
                // A server that ends the session early closes the socket under the frames still being sent.
                do {
                    for frame in frames {
                        try await outbound.write(.binary(ByteBuffer(bytes: frame)))
                        if let pace { try await Task.sleep(for: pace) }
                    }
                    switch ending {
                    case .end: try await outbound.write(.text(#"{"type":"end"}"#))
                    case .text(let text): try await outbound.write(.text(text))
                    case .silence: break
                    }
                } catch {}
                try await group.next()
            }
        }
        let events = await log.texts.compactMap { text in
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        }
        return Session(events: events, closeCode: close?.closeCode)
    }

    /// `bytes` cut into frames of `size`.
    static func frames(_ bytes: [UInt8], size: Int) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min(bytes.count, $0 + size)]) }
    }
}

actor EventLog {
    var texts: [String] = []

    func add(_ text: String) {
        texts.append(text)
    }
}
