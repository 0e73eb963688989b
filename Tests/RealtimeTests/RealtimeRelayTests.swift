import CallAuditCore
import Foundation
import Logging
@testable import Realtime
import Testing
import TestSupport

/// The relay against the realtime stand-in: tone bursts stand for turns of speech, silences for the pauses between.
@Suite("Realtime relay")
struct RealtimeRelayTests {
    static let logger = Logger(label: "realtime-test")

    /// `turns` bursts of a 440 Hz tone of `seconds` each, 1 s of silence after each, as μ-law at 8 kHz.
    static func muLawBursts(turns: Int, seconds: Double = 1) -> [UInt8] {
        var codes: [UInt8] = []
        for _ in 0..<turns {
            let tone = (0..<Int(8000 * seconds)).map { index -> UInt8 in
                let sample = sin(Double(index) * 2 * .pi * 440 / 8000) * 12000
                return sample >= 0 ? 0x80 | 0x40 : 0x40 // loud codes of both signs
            }
            codes += tone + [UInt8](repeating: 0xFF, count: 8000)
        }
        return codes
    }

    /// The relay's settings for `server`. The wait for the last transcripts is a minute rather than the default ten
    /// seconds: the stand-in answers within milliseconds on its own, but on two cores shared with the whole suite a turn
    /// can take tens of seconds, and these tests check what comes back, not how fast.
    static func settings(_ server: FakeRealtimeServer, extra: [String: String] = [:]) throws -> RealtimeSettings {
        try #require(try RealtimeSettings.read(EnvironmentVariables(
            ["OPENAI_API_KEY": "sk-live-SECRET", "OPENAI_REALTIME_URL": server.url, "LIVE_RECONNECT_ATTEMPTS": "3",
             "LIVE_FINAL_WAIT_SECONDS": "60"]
                .merging(extra) { _, new in new })))
    }

    /// Streams `audio` in 20 ms frames through a relay and answers its outcome and the updates it heard.
    static func relay(_ audio: [UInt8], format: LiveAudioFormat, settings: RealtimeSettings) async -> (RealtimeOutcome, [RealtimeUpdate]) {
        let updates = UpdateLog()
        let relay = RealtimeRelay(settings: settings, format: format, language: "en", logger: logger) { await updates.add($0) }
        await relay.start()
        let frame = format.bytesPerSecond / 50
        for start in stride(from: 0, to: audio.count, by: frame) {
            await relay.append(Array(audio[start..<min(audio.count, start + frame)]))
            if start % (frame * 50) == 0 { try? await Task.sleep(for: .milliseconds(5)) }
        }
        let outcome = await relay.finish()
        return (outcome, await updates.all)
    }

    @Test("three turns come back in order with their times, deltas first; the session asked for μ-law, VAD and the model")
    func turns() async throws {
        try await FakeRealtimeServer.with(turns: ["Hello, Acme support.", "My order is late.", "Let me check."]) { server in
            let (outcome, updates) = await Self.relay(Self.muLawBursts(turns: 3), format: .g711ULaw, settings: try Self.settings(server))
            #expect(outcome.complete)
            #expect(outcome.turns.map(\.text) == ["Hello, Acme support.", "My order is late.", "Let me check."])
            let starts = outcome.turns.compactMap(\.start)
            #expect(starts.count == 3 && abs(starts[0]) < 0.1 && abs(starts[1] - 2) < 0.1 && abs(starts[2] - 4) < 0.1)
            #expect(outcome.turns.allSatisfy { ($0.end ?? 0) > ($0.start ?? 0) })
            #expect(outcome.inputTokens == 300 && outcome.outputTokens == 30 && outcome.connections == 1)
            let firstTurn = updates.firstIndex { if case .turn = $0 { true } else { false } }
            let firstDelta = updates.firstIndex { if case .delta = $0 { true } else { false } }
            #expect(firstDelta != nil && firstTurn != nil && firstDelta! < firstTurn!)
            let log = await server.log
            #expect(log.authorizations == ["Bearer sk-live-SECRET"])
            let input = (log.sessions.first?["audio"] as? [String: Any])?["input"] as? [String: Any]
            #expect((input?["format"] as? [String: Any])?["type"] as? String == "audio/pcmu")
            #expect((input?["transcription"] as? [String: Any])?["model"] as? String == "gpt-4o-transcribe")
            #expect((input?["transcription"] as? [String: Any])?["language"] as? String == "en")
            #expect((input?["turn_detection"] as? [String: Any])?["type"] as? String == "server_vad")
            #expect((input?["noise_reduction"] as? [String: Any])?["type"] as? String == "near_field")
            #expect(log.sessions.first?["type"] as? String == "transcription")
        }
    }

    @Test("pcm16 at 16 kHz is resampled to 24 kHz for the provider: one and a half times the bytes")
    func resampled() async throws {
        try await FakeRealtimeServer.with(turns: ["One.", "Two."]) { server in
            let samples = Self.muLawBursts(turns: 2).map { G711.muLaw($0) }
            var upsampler = PCMResampler(from: 8000, to: 16000)
            let pcm = LittleEndianPCM.bytes(upsampler.resample(samples))
            let (outcome, _) = await Self.relay(pcm, format: .pcm16(sampleRate: 16000), settings: try Self.settings(server))
            #expect(outcome.turns.map(\.text) == ["One.", "Two."])
            let log = await server.log
            #expect(abs(Double(log.audioBytes) / Double(pcm.count) - 1.5) < 0.01)
            let input = (log.sessions.first?["audio"] as? [String: Any])?["input"] as? [String: Any]
            #expect((input?["format"] as? [String: Any])?["rate"] as? Int == 24000)
        }
    }

    @Test("a connection dropped after the first turn is reopened, the audio since is sent again, and no turn is lost")
    func reconnects() async throws {
        try await FakeRealtimeServer.with(turns: ["First.", "Second.", "Third.", "Fourth."], dropAfterTurns: 1) { server in
            let (outcome, updates) = await Self.relay(Self.muLawBursts(turns: 4), format: .g711ULaw, settings: try Self.settings(server))
            #expect(outcome.connections == 2)
            #expect(outcome.complete, "\(outcome.gap ?? "")")
            #expect(outcome.turns.map(\.text) == ["First.", "Second.", "Third.", "Fourth."])
            let starts = outcome.turns.compactMap(\.start)
            #expect(starts.count == 4 && abs(starts[3] - 6) < 0.2, "times count from the call's start across connections: \(starts)")
            #expect(updates.contains(.reconnecting(attempt: 1)))
            #expect(await server.log.authorizations.count == 2)
        }
    }

    @Test("a provider running behind closes a turn after the last audio was sent: the turn after it is still committed and awaited")
    func providerBehind() async throws {
        try await FakeRealtimeServer.with(turns: ["One.", "Two.", "Three."], lag: .milliseconds(5)) { server in
            let updates = UpdateLog()
            let relay = RealtimeRelay(settings: try Self.settings(server), format: .g711ULaw, language: "en", logger: Self.logger) {
                await updates.add($0)
            }
            await relay.start()
            let audio = Self.muLawBursts(turns: 3)
            for start in stride(from: 0, to: audio.count, by: 160) { await relay.append(Array(audio[start..<(start + 160)])) }
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline, await updates.turns.count < 2 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(await updates.turns.count == 2, "the stand-in is still working through the third turn's audio")
            let outcome = await relay.finish()
            #expect(outcome.complete, "\(outcome.gap ?? "")")
            #expect(outcome.turns.map(\.text) == ["One.", "Two.", "Three."])
        }
    }

    @Test("a provider error event is passed on with its message")
    func providerError() async throws {
        try await FakeRealtimeServer.with(turns: ["One.", "Two."], errorAfterTurns: 1) { server in
            let (outcome, updates) = await Self.relay(Self.muLawBursts(turns: 2), format: .g711ULaw, settings: try Self.settings(server))
            #expect(updates.contains(.providerError("The realtime stand-in was told to fail here.")))
            #expect(outcome.turns.count == 2)
        }
    }

    @Test("a server that cannot be reached: the attempts run out and the live transcript is given up, not the call")
    func unreachable() async throws {
        let settings = try #require(try RealtimeSettings.read(EnvironmentVariables([
            "OPENAI_API_KEY": "sk", "OPENAI_REALTIME_URL": "ws://127.0.0.1:\(FreePort.next())/v1/realtime",
            "LIVE_RECONNECT_ATTEMPTS": "1",
        ])))
        let updates = UpdateLog()
        let relay = RealtimeRelay(settings: settings, format: .g711ULaw, language: nil, logger: Self.logger) { await updates.add($0) }
        await relay.start()
        await relay.append([UInt8](repeating: 0xFF, count: 800))
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, await !updates.all.contains(where: { if case .interrupted = $0 { true } else { false } }) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let outcome = await relay.finish()
        #expect(!outcome.complete)
        #expect(outcome.gap?.contains("attempts") == true)
        #expect(await updates.all.contains { if case .interrupted = $0 { true } else { false } })
    }

    @Test("settings: at_end or no key means no realtime; realtime without a key, a bad URL or threshold name the variable")
    func settingsErrors() throws {
        #expect(try RealtimeSettings.read(EnvironmentVariables([:])) == nil)
        #expect(try RealtimeSettings.read(EnvironmentVariables(["OPENAI_API_KEY": "k", "LIVE_TRANSCRIPTION": "at_end"])) == nil)
        for (environment, variable) in [
            (["LIVE_TRANSCRIPTION": "realtime"], "LIVE_TRANSCRIPTION"),
            (["OPENAI_API_KEY": "k", "OPENAI_REALTIME_URL": "https://x"], "OPENAI_REALTIME_URL"),
            (["OPENAI_API_KEY": "k", "LIVE_VAD_THRESHOLD": "2"], "LIVE_VAD_THRESHOLD"),
            (["OPENAI_API_KEY": "k", "LIVE_NOISE_REDUCTION": "loud"], "LIVE_NOISE_REDUCTION"),
        ] {
            let error = #expect(throws: ConfigurationError.self) { try RealtimeSettings.read(EnvironmentVariables(environment)) }
            #expect(error?.key == variable)
        }
    }
}

actor UpdateLog {
    var all: [RealtimeUpdate] = []

    func add(_ update: RealtimeUpdate) {
        all.append(update)
    }

    var turns: [LiveTurn] {
        all.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
    }
}
