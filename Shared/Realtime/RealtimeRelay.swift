import DequeModule
import FailurePolicy
import Foundation
import HTTPTypes
import Logging
import WSClient

/// One live call's connection to the realtime transcription server (OpenAI's transcription session): it sends the
/// call's audio as it arrives, in the provider's format, and turns the server's events into ``RealtimeUpdate``s and,
/// at the end, a ``RealtimeOutcome``.
///
/// A dropped connection is reopened with backoff (``RealtimeSettings/reconnectAttempts``) and sent again the audio
/// not yet committed into a turn, so no speech is lost; the turns' times count from the start of the call across
/// connections. When that cannot be done (the attempts run out, or more audio waited than
/// ``RealtimeSettings/replaySeconds`` keeps), the live transcript is given up and the outcome says so.
public actor RealtimeRelay {
    let settings: RealtimeSettings
    let encoding: RealtimeAudioEncoding
    let format: LiveAudioFormat
    let language: String?
    let logger: Logger
    let onUpdate: @Sendable (RealtimeUpdate) async -> Void

    var resampler: PCMResampler?
    /// The queue of the open connection's writer; `nil` while none is open.
    var outbound: AsyncStream<String>.Continuation?
    var connectionTask: Task<Void, Never>?
    /// Bytes (in the provider's encoding) of the call so far, and where the open connection's audio began.
    var sentBytes = 0
    var connectionBase = 0
    /// Audio not yet known to be in a transcribed turn, with its place in the call, to send again after a drop (a
    /// deque: frames leave at the front as turns are transcribed or the window is full).
    var pending = Deque<(offset: Int, bytes: [UInt8])>()
    var pendingBytes = 0
    var replayIntact = true
    /// Bytes into the call up to which the provider has committed (or been told to commit) the audio into turns: the
    /// end of the last turn its VAD closed, or all that was sent before a commit of ours.
    var committedThrough = 0
    /// Turns by the provider's item id: where they start and end (seconds into the call) and their text.
    var starts: [String: Double] = [:]
    var ends: [String: Double] = [:]
    var committed: [String] = []
    var texts: [String: String] = [:]
    var failedTurns = 0
    var commitsAwaited = 0
    var gap: String?
    var inputTokens = 0
    var outputTokens = 0
    var billedSeconds = 0.0
    var connections = 0
    /// The call's audio has ended (no more is taken), and whether the relay has closed its connection for good.
    var finishing = false
    var closed = false

    /// A relay for a call streamed in `format`; `onUpdate` hears what the client should be told.
    public init(
        settings: RealtimeSettings, format: LiveAudioFormat, language: String?, logger: Logger,
        onUpdate: @escaping @Sendable (RealtimeUpdate) async -> Void
    ) {
        self.settings = settings
        self.format = format
        self.encoding = RealtimeAudioEncoding(format)
        self.language = language
        self.logger = logger
        self.onUpdate = onUpdate
        if case .pcm16(let rate) = format, rate != 24000 { resampler = PCMResampler(from: rate, to: 24000) }
    }

    /// Opens the connection (in the background; audio sent meanwhile waits for it).
    public func start() {
        guard connectionTask == nil else { return }
        connectionTask = Task { await self.runConnections() }
    }

    /// Sends a frame of the call's audio (whole samples in the call's format).
    public func append(_ frame: [UInt8]) {
        guard gap == nil, !finishing else { return }
        let audio: [UInt8]
        if var resampler {
            audio = LittleEndianPCM.bytes(resampler.resample(format.samples(frame)))
            self.resampler = resampler
        } else {
            audio = frame
        }
        guard !audio.isEmpty else { return }
        pending.append((sentBytes, audio))
        pendingBytes += audio.count
        sentBytes += audio.count
        if pendingBytes > settings.replaySeconds * encoding.bytesPerSecond {
            if outbound == nil {
                giveUp("the realtime connection stayed down for over \(settings.replaySeconds) s of audio")
                return
            }
            // A turn longer than the replay window: a drop now could not be made good.
            let dropped = pending.removeFirst()
            pendingBytes -= dropped.bytes.count
            replayIntact = false
        }
        outbound?.yield(RealtimeClientEvent.append(audio))
    }

    /// Ends the call's audio: commits what was not yet a turn, waits (up to ``RealtimeSettings/finalWait``) for the
    /// last transcripts, closes the connection and answers what the session came to.
    public func finish() async -> RealtimeOutcome {
        finishing = true
        if let outbound, gap == nil { commitRest(outbound) }
        // A connection being reopened gets the rest of the audio and the commit when it opens (``attach(_:)``).
        let deadline = ContinuousClock.now + settings.finalWait
        while gap == nil, outbound == nil || !allAnswered, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if gap == nil, !allAnswered {
            gap = outbound == nil ? "the realtime connection was down when the call ended"
                : "the last turns' transcripts did not come within \(settings.finalWait)"
        }
        closed = true
        outbound?.finish()
        outbound = nil
        let task = connectionTask
        task?.cancel()
        await task?.value
        return outcome
    }

    /// Ends the session at once (the client went away with nothing to store).
    public func cancel() {
        finishing = true
        closed = true
        outbound?.finish()
        outbound = nil
        connectionTask?.cancel()
    }

    /// Commits the audio the provider has not yet put in a turn, when there is enough of it (the provider refuses a
    /// commit of under 100 ms). The audio is counted from where the provider's turns end, not from when it said so: a
    /// provider running behind closes a turn after the last audio was sent, and the audio after that turn still needs
    /// its commit.
    func commitRest(_ queue: AsyncStream<String>.Continuation) {
        guard sentBytes - committedThrough >= encoding.bytesPerSecond / 10 else { return }
        commitsAwaited += 1
        committedThrough = sentBytes
        queue.yield(RealtimeClientEvent.commit)
    }

    var allAnswered: Bool {
        commitsAwaited == 0 && committed.allSatisfy { texts[$0] != nil }
    }

    var outcome: RealtimeOutcome {
        let turns = committed.compactMap { id -> LiveTurn? in
            guard let text = texts[id], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return LiveTurn(id: id, text: text.trimmingCharacters(in: .whitespacesAndNewlines), start: starts[id], end: ends[id])
        }
        let gap = self.gap ?? (failedTurns > 0 ? "\(failedTurns) turn(s) could not be transcribed live" : nil)
        return RealtimeOutcome(turns: turns, complete: gap == nil, gap: gap, inputTokens: inputTokens,
                               outputTokens: outputTokens, audioSeconds: billedSeconds, connections: connections)
    }

    func giveUp(_ reason: String) {
        guard gap == nil else { return }
        gap = reason
        pending = []
        pendingBytes = 0
        outbound?.finish()
        outbound = nil
        logger.warning("live transcript given up", metadata: ["reason": "\(reason)"])
        let onUpdate = onUpdate
        Task { await onUpdate(.interrupted(reason)) }
    }

    /// Seconds into the call of `milliseconds` into the open connection's audio.
    func callSeconds(_ milliseconds: Int) -> Double {
        Double(connectionBase) / Double(encoding.bytesPerSecond) + Double(milliseconds) / 1000
    }

    /// A new connection's queue: the session's settings, then the audio a dropped one had not committed.
    func attach(_ queue: AsyncStream<String>.Continuation) -> Bool {
        guard gap == nil else { return false }
        if connections > 0 && !replayIntact {
            giveUp("a turn longer than \(settings.replaySeconds) s was cut by a dropped connection")
            return false
        }
        connections += 1
        // Turns committed but not transcribed when the connection dropped come again from the audio sent again.
        committed.removeAll { texts[$0] == nil }
        queue.yield(RealtimeClientEvent.sessionUpdate(settings, format: encoding, language: language))
        connectionBase = pending.first?.offset ?? sentBytes
        committedThrough = connectionBase
        commitsAwaited = 0
        for chunk in pending { queue.yield(RealtimeClientEvent.append(chunk.bytes)) }
        if finishing { commitRest(queue) }
        outbound = queue
        return true
    }

    /// Forgets the connection that ended; answers whether that was the end (the relay closed it, or gave up).
    func detach() -> Bool {
        outbound?.finish()
        outbound = nil
        return closed || gap != nil
    }

    func handle(_ event: RealtimeServerEvent) async {
        switch event.type {
        case "input_audio_buffer.speech_started":
            guard let id = event.itemID, let at = event.audioStartMilliseconds else { return }
            starts[id] = callSeconds(at)
            await onUpdate(.speechStarted(at: callSeconds(at)))
        case "input_audio_buffer.speech_stopped":
            guard let id = event.itemID, let at = event.audioEndMilliseconds else { return }
            ends[id] = callSeconds(at)
            committedThrough = max(committedThrough, Int(callSeconds(at) * Double(encoding.bytesPerSecond)))
            await onUpdate(.speechStopped(at: callSeconds(at)))
        case "input_audio_buffer.committed":
            guard let id = event.itemID else { return }
            if !committed.contains(id) { committed.append(id) }
            commitsAwaited = max(0, commitsAwaited - (ends[id] == nil ? 1 : 0))
        case "conversation.item.input_audio_transcription.delta":
            guard let id = event.itemID, let delta = event.delta, !delta.isEmpty else { return }
            await onUpdate(.delta(turnID: id, text: delta))
        case "conversation.item.input_audio_transcription.completed":
            guard let id = event.itemID else { return }
            texts[id] = event.transcript ?? ""
            inputTokens += event.usage?.inputTokens ?? 0
            outputTokens += event.usage?.outputTokens ?? 0
            billedSeconds += event.usage?.seconds ?? 0
            releaseTranscribedAudio()
            let text = (event.transcript ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { await onUpdate(.turn(LiveTurn(id: id, text: text, start: starts[id], end: ends[id]))) }
        case "conversation.item.input_audio_transcription.failed":
            guard let id = event.itemID else { return }
            texts[id] = ""
            failedTurns += 1
            releaseTranscribedAudio()
            await onUpdate(.providerError(event.error?.message ?? "the provider could not transcribe a turn"))
        case "error":
            let message = event.error?.message ?? "the realtime provider reported an error"
            // An empty commit at the end is no error of the call's.
            if event.error?.code == "input_audio_buffer_commit_empty" {
                commitsAwaited = max(0, commitsAwaited - 1)
                return
            }
            logger.warning("realtime provider error", metadata: ["error": "\(message)", "code": "\(event.error?.code ?? "")"])
            await onUpdate(.providerError(message))
        default:
            return
        }
    }

    /// Forgets the audio of the turns transcribed so far, up to the first one still waiting for its transcript: a
    /// connection that drops now sends again only what follows.
    func releaseTranscribedAudio() {
        var end: Double?
        for id in committed {
            guard texts[id] != nil else { break }
            end = ends[id] ?? end
        }
        guard let end else { return }
        let cutoff = Int(end * Double(encoding.bytesPerSecond))
        while let first = pending.first, first.offset + first.bytes.count <= cutoff {
            pending.removeFirst()
            pendingBytes -= first.bytes.count
        }
        if pending.isEmpty { replayIntact = true }
    }

    func runConnections() async {
        var attempt = 0
        let backoff = Backoff(base: .milliseconds(250), maximum: .seconds(5))
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(settings.apiKey)"
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 22, additionalHeaders: headers)
        while !Task.isCancelled {
            let (queue, continuation) = AsyncStream<String>.makeStream()
            guard attach(continuation) else { return }
            do {
                try await WebSocketClient.connect(url: settings.url, configuration: configuration, logger: logger) { inbound, writer, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in queue { try await writer.write(.text(text)) }
                            try await writer.close(.normalClosure, reason: nil)
                        }
                        group.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 22) {
                                guard case .text(let text) = message, let event = RealtimeServerEvent.decode(text) else { continue }
                                await self.handle(event)
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
            } catch {
                logger.notice("realtime connection failed", metadata: ["error": "\(error)", "attempt": "\(attempt + 1)"])
            }
            if detach() { return }
            attempt += 1
            guard attempt <= settings.reconnectAttempts else {
                giveUp("the realtime connection dropped and \(settings.reconnectAttempts) attempts to reopen it failed")
                return
            }
            await onUpdate(.reconnecting(attempt: attempt))
            try? await Task.sleep(for: backoff.delay(attempt: attempt))
        }
    }
}
