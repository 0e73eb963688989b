import Foundation
import Logging
import NIOCore
import TestSupport
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
    struct Session: Sendable {
        /// The events as the server sent them.
        var texts: [String]
        var closeCode: WebSocketErrorCode?

        var events: [[String: Any]] {
            texts.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        }

        func events(_ type: String) -> [[String: Any]] { events.filter { $0["type"] as? String == type } }

        var callID: String? { events("call.queued").first?["call_id"] as? String }
    }

    /// Runs a session; one that has not ended after `timeout` is abandoned with an error (a test never hangs on it).
    static func run(
        url: String, frames: [[UInt8]], pace: Duration? = nil, ending: Ending = .end, headers: [String: String] = [:],
        timeout: Duration = .seconds(60)
    ) async throws -> Session {
        let log = EventLog()
        return try await ended(within: timeout) {
            try await session(url: url, frames: frames, pace: pace, ending: ending, headers: headers, log: log)
        } onTimeout: {
            TestSupportError("the live session at \(url) did not end within \(timeout); it heard \(await log.texts)")
        }
    }

    /// The session `body` answers, unless `timeout` passes first: then `onTimeout` runs (it may release what `body`
    /// waits on) and the error it answers is thrown.
    static func ended(
        within timeout: Duration, _ body: @escaping @Sendable () async throws -> Session,
        onTimeout: () async -> any Error
    ) async throws -> Session {
        try await withThrowingTaskGroup(of: Session?.self) { group in
            group.addTask(operation: body)
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let session = try await group.next() ?? nil else { throw await onTimeout() }
            return session
        }
    }

    static func session(
        url: String, frames: [[UInt8]], pace: Duration?, ending: Ending, headers: [String: String], log: EventLog
    ) async throws -> Session {
        var configuration = WebSocketClientConfiguration()
        for (name, value) in headers { configuration.additionalHeaders[.init(name)!] = value }
        let close = try await WebSocketClient.connect(url: url, configuration: configuration, logger: Logger(label: "live-client")) {
            inbound, outbound, _ in
            // The reader runs until the server closes; the sender is cancelled then, as a server that ends a session
            // early closes the socket under frames still being sent (a write may wait on it for ever).
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message { await log.add(text) }
                    }
                    return true
                }
                group.addTask {
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
                    return false
                }
                while let readerEnded = try await group.next() {
                    if readerEnded { group.cancelAll() }
                }
            }
        }
        return Session(texts: await log.texts, closeCode: close?.closeCode)
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
