import CallAuditCore
import CallStore
import Foundation
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import Providers
import Realtime
import Synchronization

/// One live call on `GET /v1/live` (README: Live calls): audio frames in, stored as they come and relayed to the
/// realtime transcription; its events out; and at the end the call stored like an upload, with the live transcript
/// when it is complete, and queued for analysis.
///
/// Whatever ends the session (the client's `end`, a close, silence past the idle timeout, the length limit, a frame
/// that breaks the protocol), the audio that arrived is stored as a call; only a session without audio stores nothing.
struct LiveSession {
    let request: LiveSessionRequest
    let dependencies: LiveDependencies

    var settings: LiveSettings { dependencies.settings }
    var format: LiveAudioFormat { request.format }

    /// Why the frames stopped.
    enum Ending: Sendable {
        case end
        case clientClosed
        case idle
        case tooLong
        case violation(code: String, message: String)
    }

    /// The session's last words: the events it ends with and the code it closes with. They are sent once the chunks
    /// no stored call took are removed, so a client that saw the close sees the database as the session left it.
    struct Farewell {
        var events: [LiveEvent]
        var code: WebSocketErrorCode
    }

    /// Runs the session until it ends and its call is queued.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async {
        do {
            let farewell = try await dependencies.calls.withRecordingID { id in
                try await stream(id: id, inbound: inbound, outbound: outbound, logger: logger)
            }
            for event in farewell.events { try? await outbound.write(.text(event.text)) }
            try? await outbound.close(farewell.code, reason: nil)
        } catch {
            logger.error("live session failed", metadata: ["error": "\(error)"])
            try? await outbound.write(.text(LiveEvent.error(
                code: "internal_error", message: "the call could not be stored: \(error)").text))
            try? await outbound.close(.unexpectedServerError, reason: "the call could not be stored")
        }
    }

    func stream(
        id: UUID, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger
    ) async throws -> Farewell {
        var logger = logger
        logger[metadataKey: "call_id"] = "\(id)"
        let started = ContinuousClock.now
        let recording = try await LiveRecording.start(storage: dependencies.calls, id: id, sampleRate: format.sampleRate)
        let relay = settings.realtime.map { realtime in
            RealtimeRelay(settings: realtime, format: format, language: request.submission.language, logger: logger) { update in
                try? await outbound.write(.text(LiveEvent.update(update).text))
            }
        }
        try await outbound.write(.text(LiveEvent.started(callID: id, format: format, live: relay != nil).text))
        await relay?.start()
        let dump = try await LiveAudioDump.open(directory: settings.dumpDirectory, id: id, format: format)
        let lastFrame = FrameClock()
        let (finished, ending) = try await withThrowingTaskGroup(of: (LiveRecording?, Ending?).self) { group in
            group.addTask {
                try await read(inbound, into: recording, relay: relay, dump: dump, started: started, lastFrame: lastFrame)
            }
            group.addTask { (nil, await watch(started: started, lastFrame: lastFrame)) }
            var finished: LiveRecording?
            var ending: Ending?
            while let (recording, reason) = try await group.next() {
                if let recording { finished = recording }
                ending = ending ?? reason
                group.cancelAll()
            }
            return (finished, ending ?? .clientClosed)
        }
        await dump?.close()
        guard var recording = finished, recording.dataBytes > 0 else {
            await relay?.cancel()
            return Farewell(events: [LiveEvent.error(code: "no_audio", message: "no audio arrived; nothing is stored")],
                            code: .normalClosure)
        }
        if let notice = Self.notice(for: ending) { try? await outbound.write(.text(notice.text)) }
        let outcome = await relay?.finish()
        let audio = try await recording.finish()
        let transcript = outcome.flatMap { $0.complete && !$0.turns.isEmpty ? $0.turns.map(Self.segment) : nil }
        let call = try request.call(id: id, audio: audio, transcript: transcript, limits: dependencies.limits)
        let stored = try await dependencies.intake.accept(call)
        if let outcome, let model = settings.realtime?.model, stored.created {
            let usage = ProviderUsage(
                step: "transcription", provider: "openai-realtime", model: model, httpStatus: 101,
                latencyMilliseconds: Int(started.duration(to: .now) / .milliseconds(1)), inputTokens: outcome.inputTokens,
                outputTokens: outcome.outputTokens, audioSeconds: outcome.audioSeconds)
            try await dependencies.calls.recordUsage(stored.id, [dependencies.prices.priced(usage)])
        }
        logger.info("live call stored", metadata: [
            "seconds": "\(recording.seconds)", "transcript": "\(transcript == nil ? "batch" : "live")",
            "connections": "\(outcome?.connections ?? 0)", "gap": "\(outcome?.gap ?? "")",
        ])
        let queued = LiveEvent.queued(callID: stored.id, audioSeconds: recording.seconds, liveTranscript: transcript != nil)
        if case .violation = ending { return Farewell(events: [queued], code: .policyViolation) }
        return Farewell(events: [queued], code: .normalClosure)
    }

    /// Reads frames until the client ends, closes, breaks the protocol, or the session is cancelled by ``watch``.
    func read(
        _ inbound: WebSocketInboundStream, into recording: LiveRecording, relay: RealtimeRelay?, dump: LiveAudioDump?,
        started: ContinuousClock.Instant, lastFrame: FrameClock
    ) async throws -> (LiveRecording?, Ending?) {
        var recording = recording
        var frames = 0
        var bytes = 0
        let maxMessage = max(16 * 1024, format.bytesPerSecond * 2)
        do {
            for try await message in inbound.messages(maxSize: maxMessage) {
                let now = ContinuousClock.now
                lastFrame.touch(now)
                switch message {
                case .text(let text):
                    if Self.isEnd(text) { return (recording, .end) }
                    return (recording, .violation(code: "unexpected_text",
                                                  message: #"expected binary audio frames, or the text message {"type":"end"}"#))
                case .binary(var buffer):
                    let frame = buffer.readBytes(length: buffer.readableBytes) ?? []
                    guard !frame.isEmpty else { continue }
                    guard frame.count <= maxMessage else {
                        return (recording, .violation(code: "frame_too_large", message:
                            "a frame holds at most 2 s of audio (\(maxMessage) bytes); one had \(frame.count)"))
                    }
                    guard frame.count % format.bytesPerSample == 0 else {
                        return (recording, .violation(code: "invalid_frame", message:
                            "a pcm16 frame holds whole 16-bit samples; one had \(frame.count) bytes"))
                    }
                    frames += 1
                    bytes += frame.count
                    let elapsed = Double(started.duration(to: now) / .milliseconds(1)) / 1000
                    if frames > Int(elapsed * Double(settings.maxFramesPerSecond)) + 2 * settings.maxFramesPerSecond {
                        return (recording, .violation(code: "too_many_frames", message:
                            "more than \(settings.maxFramesPerSecond) frames a second; send frames of 20 ms of audio or more"))
                    }
                    let audioSeconds = Double(bytes) / Double(format.bytesPerSecond)
                    if audioSeconds > elapsed + Double(settings.maxLeadSeconds) {
                        return (recording, .violation(code: "faster_than_real_time", message: String(
                            format: "%.1f s of audio arrived in %.1f s; stream the call at the pace it is spoken", audioSeconds, elapsed)))
                    }
                    await dump?.write(frame)
                    try await recording.append(format.pcm16(frame))
                    await relay?.append(frame)
                }
            }
        } catch {
            // A protocol error (the connection is closed with its code) or the watchdog's cancellation.
            return (recording, Task.isCancelled ? nil : .clientClosed)
        }
        return (recording, Task.isCancelled ? nil : .clientClosed)
    }

    /// Ends the session (answers why) when the client has sent nothing for the idle timeout, or at the length limit.
    func watch(started: ContinuousClock.Instant, lastFrame: FrameClock) async -> Ending? {
        let tick = min(Duration.seconds(1), settings.idleTimeout / 4)
        while !Task.isCancelled {
            do { try await Task.sleep(for: tick) } catch { return nil }
            let now = ContinuousClock.now
            if lastFrame.last.duration(to: now) >= settings.idleTimeout { return .idle }
            if started.duration(to: now) >= settings.maxSession { return .tooLong }
        }
        return nil
    }

    /// What the client is told before its call is stored, when the session did not end with `end`.
    static func notice(for ending: Ending) -> LiveEvent? {
        switch ending {
        case .end, .clientClosed: nil
        case .idle: .error(code: "idle_timeout", message: "no audio for a while; the call is stored with what arrived")
        case .tooLong: .error(code: "session_too_long", message: "the session reached its length limit; the call is stored as it is")
        case .violation(let code, let message): .error(code: code, message: "\(message); the call is stored with the audio before it")
        }
    }

    static func isEnd(_ text: String) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return object?["type"] as? String == "end"
    }

    static func segment(_ turn: LiveTurn) -> Segment {
        Segment(role: .unknown, text: turn.text, start: turn.start, end: turn.end)
    }
}

/// When a session's last frame came, for its watchdog.
final class FrameClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)

    /// The last frame's arrival.
    var last: ContinuousClock.Instant { instant.withLock { $0 } }

    /// Notes a frame arriving `now`.
    func touch(_ now: ContinuousClock.Instant) {
        instant.withLock { $0 = now }
    }
}
