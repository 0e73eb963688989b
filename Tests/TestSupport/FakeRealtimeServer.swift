import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// A local stand-in of OpenAI's realtime transcription WebSocket (`/v1/realtime?intent=transcription`) that speaks
/// its event shapes: `session.update` answered with `session.updated`; appended audio (`audio/pcm` at 24 kHz,
/// `audio/pcmu`, `audio/pcma`) cut into turns by an energy VAD (`…speech_started`, `…speech_stopped`,
/// `input_audio_buffer.committed`), each turn's transcript as deltas word by word and `….completed` with token usage;
/// `input_audio_buffer.commit` ends the turn in progress. The turns' texts come from ``script``, in order, across
/// connections. It can drop the connection or send an `error` event after a number of turns, and run behind the audio.
public final class FakeRealtimeServer: Sendable {
    /// The port it listens on (loopback).
    public let port: Int
    let state: FakeRealtimeState

    init(port: Int, state: FakeRealtimeState) {
        self.port = port
        self.state = state
    }

    /// The URL of the realtime endpoint, as `OPENAI_REALTIME_URL` takes it.
    public var url: String { "ws://127.0.0.1:\(port)/v1/realtime?intent=transcription" }

    /// What the stand-in was asked and did.
    public var log: FakeRealtimeLog {
        get async { await state.log }
    }

    /// Runs a server whose turns are `turns`, that drops the first connection after `dropAfterTurns` turns, sends an
    /// `error` event after `errorAfterTurns`, and takes `lag` over each appended chunk (a provider running behind), for
    /// the duration of `body`.
    public static func with(
        turns: [String], dropAfterTurns: Int? = nil, errorAfterTurns: Int? = nil, lag: Duration? = nil,
        _ body: @escaping @Sendable (FakeRealtimeServer) async throws -> Void
    ) async throws {
        let state = FakeRealtimeState(turns: turns, dropAfterTurns: dropAfterTurns, errorAfterTurns: errorAfterTurns, lag: lag)
        let sockets = Router(context: BasicWebSocketRequestContext.self)
        sockets.ws("/v1/realtime") { request, _ in
            await state.connected(authorization: request.headers[.authorization])
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            try await FakeRealtimeConnection(state: state, outbound: outbound).run(inbound)
        }
        let server = HTTPServerBuilder.http1WebSocketUpgrade(webSocketRouter: sockets, configuration: .init(ws: .init(maxFrameSize: 1 << 22)))
        try await LoopbackServer.run(Router(), server: server) { port in try await body(FakeRealtimeServer(port: port, state: state)) }
    }
}

/// What the realtime stand-in saw: connections, their `Authorization`, the `session.update`s, the audio's bytes and
/// the turns it transcribed.
public struct FakeRealtimeLog: Sendable {
    /// `Authorization` of each connection.
    public var authorizations: [String?] = []
    /// Each `session.update`'s `session` object.
    public var sessions: [[String: Any]] { sessionTexts.compactMap { Self.object($0)?["session"] as? [String: Any] } }
    var sessionTexts: [String] = []
    /// Bytes of audio appended, over all connections.
    public var audioBytes = 0
    /// The texts of the turns completed, in order.
    public var completedTurns: [String] = []

    static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }
}

actor FakeRealtimeState {
    let turns: [String]
    let dropAfterTurns: Int?
    let errorAfterTurns: Int?
    let lag: Duration?
    var log = FakeRealtimeLog()
    var nextItem = 0
    var dropped = false
    var erred = false

    init(turns: [String], dropAfterTurns: Int?, errorAfterTurns: Int?, lag: Duration?) {
        self.turns = turns
        self.dropAfterTurns = dropAfterTurns
        self.errorAfterTurns = errorAfterTurns
        self.lag = lag
    }

    func connected(authorization: String?) {
        log.authorizations.append(authorization)
    }

    func sessionUpdated(_ text: String) {
        log.sessionTexts.append(text)
    }

    func appended(_ bytes: Int) {
        log.audioBytes += bytes
    }

    func newItem() -> String {
        nextItem += 1
        return String(format: "item_%03d", nextItem)
    }

    /// The next turn's text, and whether the connection should drop or an error be sent after it.
    func completeTurn() -> (text: String, drop: Bool, error: Bool) {
        let text = log.completedTurns.count < turns.count ? turns[log.completedTurns.count] : "turn \(log.completedTurns.count + 1)"
        log.completedTurns.append(text)
        let count = log.completedTurns.count
        let drop = !dropped && dropAfterTurns == count
        if drop { dropped = true }
        let error = !erred && errorAfterTurns == count
        if error { erred = true }
        return (text, drop, error)
    }
}

/// One connection of the stand-in: decodes the audio into 20 ms windows and runs the VAD over them.
struct FakeRealtimeConnection {
    let state: FakeRealtimeState
    let outbound: WebSocketOutboundWriter

    enum Encoding { case pcm24k, pcmu, pcma }

    struct DropConnection: Error {}

    func run(_ inbound: WebSocketInboundStream) async throws {
        var encoding = Encoding.pcm24k
        var samples: [Int16] = []
        var position = 0 // samples of this connection so far
        var speaking: (item: String, startMilliseconds: Int)?
        var silentWindows = 0
        let silenceWindows = 25 // 500 ms
        do {
            for try await message in inbound.messages(maxSize: 1 << 22) {
                guard case .text(let text) = message, let event = FakeRealtimeLog.object(text), let type = event["type"] as? String else { continue }
                switch type {
                case "session.update":
                    await state.sessionUpdated(text)
                    let session = event["session"] as? [String: Any]
                    let audio = (session?["audio"] as? [String: Any])?["input"] as? [String: Any]
                    switch (audio?["format"] as? [String: Any])?["type"] as? String {
                    case "audio/pcmu": encoding = .pcmu
                    case "audio/pcma": encoding = .pcma
                    default: encoding = .pcm24k
                    }
                    try await send(["type": "session.updated", "session": session ?? [:]])
                case "input_audio_buffer.append":
                    if let lag = state.lag { try await Task.sleep(for: lag) }
                    let bytes = [UInt8](Data(base64Encoded: event["audio"] as? String ?? "") ?? Data())
                    await state.appended(bytes.count)
                    samples += Self.decode(bytes, encoding)
                    let rate = encoding == .pcm24k ? 24000 : 8000
                    let window = rate / 50
                    while samples.count >= window {
                        let loud = samples.prefix(window).reduce(0) { $0 + abs(Int($1)) } / window > 300
                        samples.removeFirst(window)
                        position += window
                        let milliseconds = position * 1000 / rate
                        if loud {
                            silentWindows = 0
                            if speaking == nil {
                                let item = await state.newItem()
                                speaking = (item, max(0, milliseconds - 20))
                                try await send(["type": "input_audio_buffer.speech_started", "audio_start_ms": max(0, milliseconds - 20), "item_id": item])
                            }
                        } else if let turn = speaking {
                            silentWindows += 1
                            if silentWindows >= silenceWindows {
                                try await send(["type": "input_audio_buffer.speech_stopped", "audio_end_ms": milliseconds, "item_id": turn.item])
                                speaking = nil
                                try await finishTurn(turn.item)
                            }
                        }
                    }
                case "input_audio_buffer.commit":
                    if let turn = speaking {
                        speaking = nil
                        try await finishTurn(turn.item)
                    } else {
                        try await send(["type": "error", "error": [
                            "type": "invalid_request_error", "code": "input_audio_buffer_commit_empty",
                            "message": "Error committing input audio buffer: buffer too small.",
                        ]])
                    }
                default:
                    try await send(["type": "error", "error": ["type": "invalid_request_error", "code": "unknown_event",
                                                               "message": "unknown event type \(type)"]])
                }
            }
        } catch is DropConnection {
            try? await outbound.close(.unexpectedServerError, reason: "dropped by the test")
        }
    }

    func finishTurn(_ item: String) async throws {
        try await send(["type": "input_audio_buffer.committed", "item_id": item, "previous_item_id": NSNull()])
        let (text, drop, error) = await state.completeTurn()
        for word in text.split(separator: " ") {
            try await send(["type": "conversation.item.input_audio_transcription.delta", "item_id": item, "content_index": 0,
                            "delta": "\(word) "])
        }
        try await send([
            "type": "conversation.item.input_audio_transcription.completed", "item_id": item, "content_index": 0,
            "transcript": text,
            "usage": ["type": "tokens", "input_tokens": 100, "output_tokens": 10, "total_tokens": 110,
                      "input_token_details": ["audio_tokens": 100, "text_tokens": 0]],
        ])
        if error {
            try await send(["type": "error", "error": ["type": "server_error", "code": "rate_limit_exceeded",
                                                       "message": "The realtime stand-in was told to fail here."]])
        }
        if drop { throw DropConnection() }
    }

    func send(_ event: [String: Any]) async throws {
        let data = try JSONSerialization.data(withJSONObject: event)
        try await outbound.write(.text(String(decoding: data, as: UTF8.self)))
    }

    static func decode(_ bytes: [UInt8], _ encoding: Encoding) -> [Int16] {
        switch encoding {
        case .pcm24k:
            return stride(from: 0, to: bytes.count - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
        case .pcmu:
            // Loudness is all the VAD needs: the code's bits below the sign grow with the magnitude (0xFF, 0x7F: silence).
            return bytes.map { Int16(Int(~$0 & 0x7F) * 256) }
        case .pcma:
            return bytes.map { Int16((Int(($0 ^ 0x55) & 0x7F)) * 256) }
        }
    }
}
