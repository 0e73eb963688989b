import CurlHTTP
import Foundation
import NIOWebSocket
import Testing
import TestSupport

/// Live calls through both binaries: a synthesized dialog streamed over `GET /v1/live` as G.711 μ-law, with the
/// realtime stand-in and without a realtime provider; and the ways a session can go wrong.
@Suite("Live calls end to end", .serialized)
struct LiveEndToEndTests {
    static let key = "sk-live-e2e-SECRET"
    static let dialog = [
        "Hello, this is Anna from Acme support. How can I help you today?",
        "Hi Anna. My order has not arrived yet.",
        "I am sorry about that. Let me check your order number, please.",
        "Thank you, that would be great.",
    ]

    /// The dialog spoken by espeak-ng, each line followed by a second of silence, as μ-law at 8 kHz (sox).
    static func spokenDialog() async throws -> [UInt8] {
        let folder = try TemporaryFolder()
        var audio: [UInt8] = []
        for (index, line) in dialog.enumerated() {
            let wav = "\(folder.path)/\(index).wav", raw = "\(folder.path)/\(index).ulaw"
            #expect(try await ChildProcess.run("/usr/bin/espeak-ng", ["-v", "en-us", "-s", "165", "-w", wav, line]) == 0,
                    "espeak-ng is installed by scripts/setup.sh")
            #expect(try await ChildProcess.run("/usr/bin/sox", [wav, "-t", "raw", "-r", "8000", "-c", "1", "-e", "u-law", raw,
                                                                "pad", "0.2", "1.0"]) == 0)
            audio += try [UInt8](Data(contentsOf: URL(fileURLWithPath: raw)))
        }
        return audio
    }

    static func liveURL(_ stack: Stack, _ query: String = "format=g711_ulaw&manager_id=anna&language=en") -> String {
        "ws://127.0.0.1:\(stack.port)/v1/live?\(query)"
    }

    @Test("a μ-law dialog through the realtime stand-in, which drops the connection after the first turn and sends an error after the second: every turn as it is spoken, the error passed on, then a done call with the live transcript, one provider request recorded and no batch transcription")
    func realtime() async throws {
        let audio = try await Self.spokenDialog()
        try await FakeProviderServer.with { provider in
            try await FakeRealtimeServer.with(turns: Self.dialog, dropAfterTurns: 1, errorAfterTurns: 2) { realtime in
                try await Stack.with(environment: [
                    "OPENAI_BASE_URL": provider.baseURL + "/v1", "OPENAI_API_KEY": Self.key, "OPENAI_REALTIME_URL": realtime.url,
                    "LIVE_MAX_LEAD_SECONDS": "3600", "LIVE_MAX_FRAMES_PER_SECOND": "100000",
                ]) { stack in
                    try stack.startWorker()
                    let session = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(audio, size: 160),
                                                           pace: .microseconds(200))
                    #expect(session.events.first?["type"] as? String == "session.started")
                    #expect(session.events.first?["transcription"] as? String == "realtime")
                    #expect(session.events("transcript.turn").map { $0["text"] as? String } == Self.dialog.map { $0 })
                    #expect(!session.events("transcript.delta").isEmpty)
                    #expect(session.events("transcription.reconnecting").count == 1)
                    #expect(session.events("error").map { $0["message"] as? String } == ["The realtime stand-in was told to fail here."])
                    let queued = try #require(session.events("call.queued").first)
                    #expect(queued["transcript"] as? String == "live")
                    #expect(session.closeCode == .normalClosure)
                    let id = try #require(session.callID)
                    #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)
                    let call = try await stack.call(id)
                    #expect(call["source"] as? String == "live")
                    let result = call["result"] as? [String: Any] ?? [:]
                    let segments = result["segments"] as? [[String: Any]] ?? []
                    #expect(segments.map { $0["text"] as? String } == Self.dialog.map { $0 })
                    #expect(segments.allSatisfy { $0["start"] is Double && $0["end"] is Double })
                    let providerCalls = result["provider_calls"] as? [[String: Any]] ?? []
                    let transcription = providerCalls.filter { $0["step"] as? String == "transcription" }
                    #expect(transcription.count == 1 && transcription.first?["provider"] as? String == "openai-realtime")
                    #expect((transcription.first?["cost_usd"] as? Double ?? 0) > 0)
                    #expect(await provider.requests("/audio/transcriptions").isEmpty, "the worker did not transcribe it again")
                    #expect(await realtime.log.authorizations == ["Bearer \(Self.key)", "Bearer \(Self.key)"], "reopened once")
                    let size = try await stack.count("SELECT size_bytes FROM call_audio WHERE call_id = '\(id)'")
                    #expect(size == 44 + 2 * audio.count, "the recording is stored whole as 16-bit PCM WAV")
                    #expect(!stack.fullLogs.contains(Self.key))
                }
            }
        }
    }

    @Test("without a realtime provider the session stores the audio and the call goes through the batch transcription")
    func atEnd() async throws {
        let audio = try await Self.spokenDialog()
        try await FakeProviderServer.with { provider in
            try await Stack.with(environment: [
                "OPENAI_BASE_URL": provider.baseURL + "/v1", "OPENAI_API_KEY": Self.key, "LIVE_TRANSCRIPTION": "at_end",
                "LIVE_MAX_LEAD_SECONDS": "3600",
            ]) { stack in
                try stack.startWorker()
                let session = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(audio, size: 1600))
                #expect(session.events.first?["transcription"] as? String == "at_end")
                #expect(session.events("transcript.turn").isEmpty)
                #expect(session.events("call.queued").first?["transcript"] as? String == "batch")
                let id = try #require(session.callID)
                #expect(try await stack.waitForCount("SELECT count(*) FROM calls WHERE status = 'done'", toReach: 1) == 1)
                #expect(await provider.requests("/audio/transcriptions").count == 1)
                let transcribed = try #require(await provider.requests("/audio/transcriptions").first)
                #expect(transcribed.body.count > 2 * audio.count, "the whole recording went to the batch transcriber")
                #expect(try await stack.call(id)["status"] as? String == "done")
            }
        }
    }

    @Test("SIGTERM during a live call: the session is closed, the call (the id session.started gave) is stored with what arrived, and the ingest exits")
    func shutdown() async throws {
        try await Stack.with(environment: ["LIVE_MAX_LEAD_SECONDS": "3600"]) { stack in
            let ingest = try #require(stack.ingest)
            Task {
                try await Task.sleep(for: .seconds(2))
                ingest.signal(SIGTERM)
            }
            let session = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(
                [UInt8](repeating: 0xFF, count: 8000 * 10), size: 160), pace: .milliseconds(20), ending: .silence)
            #expect(session.closeCode == .normalClosure)
            let id = try #require(session.events("session.started").first?["call_id"] as? String)
            #expect(await ingest.waitForExit(timeout: .seconds(15)) == 0, "\(ingest.logTail())")
            let seconds = try await stack.count("SELECT (size_bytes - 44) / 16000 FROM call_audio WHERE call_id = '\(id)'")
            #expect((1...3).contains(seconds), "the audio before the signal, about 2 s, is stored: \(seconds) s")
            #expect(try await stack.count("SELECT count(*) FROM calls WHERE id = '\(id)' AND status = 'queued'") == 1)
        }
    }

    @Test("with API_KEYS: no key is told 4401, a browser's token from POST /v1/live/tokens opens a session; a bad field is 4400")
    func access() async throws {
        try await Stack.with(environment: [
            "API_KEYS": "live-key-SECRET", "LIVE_MAX_LEAD_SECONDS": "3600",
        ]) { stack in
            let second = [UInt8](repeating: 0xFF, count: 8000)
            let anonymous = try await LiveClient.refused(url: Self.liveURL(stack))
            #expect(anonymous.events.map { $0["code"] as? String } == ["unauthorized"])
            #expect(anonymous.closeCode == .unknown(4401))

            let issued = Stack.object(try await stack.request("POST", "/v1/live/tokens", headers: [
                HTTPHeader("Authorization", "Bearer live-key-SECRET"),
            ]))
            let token = try #require(issued["token"] as? String)
            let browser = try await LiveClient.run(url: Self.liveURL(stack) + "&token=\(token)", frames: [second])
            #expect(browser.events.first?["type"] as? String == "session.started")
            #expect(browser.callID != nil)

            let key = ["Authorization": "Bearer live-key-SECRET"]
            let badField = try await LiveClient.refused(url: Self.liveURL(stack, "format=opus"), headers: key)
            #expect(badField.events.first?["code"] as? String == "invalid_format")
            #expect(badField.closeCode == .unknown(4400))

        }
    }

    @Test("broken sessions end with a clear error and keep the audio that came: text for audio, an odd pcm16 frame, faster than real time, silence; no audio stores nothing")
    func brokenSessions() async throws {
        let dump = try TemporaryFolder()
        try await Stack.with(environment: [
            "LIVE_IDLE_TIMEOUT_SECONDS": "1", "LIVE_MAX_LEAD_SECONDS": "2", "LIVE_AUDIO_DUMP_DIR": dump.path,
        ]) { stack in
            let second = [UInt8](repeating: 0xFF, count: 8000)
            let text = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(second, size: 800),
                                                ending: .text("hello?"))
            #expect(text.events("error").first?["code"] as? String == "unexpected_text")
            #expect(text.closeCode == .policyViolation)
            let textCall = try #require(text.callID)
            #expect(try await stack.count("SELECT size_bytes FROM call_audio WHERE call_id = '\(textCall)'") == 44 + 16000)
            let dumped = try Data(contentsOf: URL(fileURLWithPath: "\(dump.path)/\(textCall).g711_ulaw.raw"))
            #expect([UInt8](dumped) == second, "the dump holds the frames as they came")

            let odd = try await LiveClient.run(url: Self.liveURL(stack, "format=pcm16&sample_rate=16000"),
                                               frames: [[UInt8](repeating: 0, count: 640), [1, 2, 3]])
            #expect(odd.events("error").first?["code"] as? String == "invalid_frame")
            #expect(odd.callID != nil, "the whole frame before it is kept")

            let flood = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(
                [UInt8](repeating: 0xFF, count: 8000 * 6), size: 800))
            #expect(flood.events("error").first?["code"] as? String == "faster_than_real_time")
            #expect(flood.closeCode == .policyViolation)

            let tiny = try await LiveClient.run(url: Self.liveURL(stack), frames: LiveClient.frames(second, size: 2))
            #expect(tiny.events("error").first?["code"] as? String == "too_many_frames")

            let quiet = try await LiveClient.run(url: Self.liveURL(stack), frames: [second], ending: .silence)
            #expect(quiet.events("error").first?["code"] as? String == "idle_timeout")
            #expect(quiet.callID != nil && quiet.closeCode == .normalClosure)

            let empty = try await LiveClient.run(url: Self.liveURL(stack), frames: [])
            #expect(empty.events("error").first?["code"] as? String == "no_audio")
            #expect(empty.callID == nil)
            #expect(try await stack.count("SELECT count(*) FROM calls WHERE source = 'live'") == 5)
            #expect(try await stack.count("""
                SELECT count(DISTINCT call_id) FROM call_audio_chunks
                WHERE NOT EXISTS (SELECT 1 FROM call_audio WHERE call_audio.call_id = call_audio_chunks.call_id)
                """) == 0, "the empty session left no chunks behind")
            let health = try await stack.request("GET", "/health")
            #expect(health.status == 200, "the ingest is still up")
        }
    }
}
