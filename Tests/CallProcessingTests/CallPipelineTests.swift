import CallAuditCore
import CallAuditRuntime
import CurlHTTP
import FailurePolicy
import Logging
import Providers
import Testing
import TestSupport

@testable import CallProcessing
@testable import CallStore

@Suite("The pipeline: stages, providers and the disposition of every failure")
struct CallPipelineTests {
    @Test("a text call is analyzed by the local analyst in the stage its claim set, with no request paid")
    func textCall() async throws {
        try await ProcessingHarness.with { harness in
            let call = try await harness.claimed(ProcessingHarness.textCall())
            let outcome = try await harness.pipeline.run(call, logger: ProcessingHarness.logger)
            #expect((0...100).contains(outcome.result.totalScore))
            #expect(outcome.result.segments.map(\.role).contains(.customer))
            #expect(outcome.usage.isEmpty)
            #expect(try await harness.repository.find(call.id)?.stage == .analyzing)
        }
    }

    @Test("an uploaded recording is acquired, sniffed, transcribed once by the provider and analyzed; the stage shows it")
    func upload() async throws {
        let transcriber = StubTranscriber([.success(ProcessingHarness.transcript)])
        try await ProcessingHarness.with(transcribers: [transcriber]) { harness in
            let call = try await harness.claimed(try await harness.upload(ProcessingHarness.wav))
            let outcome = try await harness.pipeline.run(call, logger: ProcessingHarness.logger)
            #expect(transcriber.requests == 1)
            #expect(outcome.result.segments.map(\.text) == ProcessingHarness.transcript.segments.map(\.text))
            #expect(outcome.usage.map(\.step) == ["transcription"])
            #expect(outcome.result.providers.first?.step == "transcription")
            #expect(try await harness.repository.find(call.id)?.stage == .analyzing)
        }
    }

    @Test("a recording with no transcription provider waits for one; bytes that are not audio fail for good")
    func recordingDispositions() async throws {
        try await ProcessingHarness.with(transcribers: []) { harness in
            let waiting = try await harness.claimed(try await harness.upload(ProcessingHarness.wav))
            let wait = await #expect(throws: CallFailure.self) { try await harness.pipeline.run(waiting, logger: ProcessingHarness.logger) }
            #expect(wait?.disposition == .providerUnavailable)

            let garbage = try await harness.claimed(try await harness.upload(Array("not audio at all".utf8)))
            let refused = await #expect(throws: CallFailure.self) { try await harness.pipeline.run(garbage, logger: ProcessingHarness.logger) }
            #expect(refused?.disposition == .permanent)
            #expect(refused?.message.contains("not WAV") == true)
        }
    }

    @Test("every analyst failing with a passing fault: the call is tried again later, and the paid requests are kept")
    func exhaustedChain() async throws {
        let analyst = FailingAnalyst(.retry(after: nil))
        try await ProcessingHarness.with(analysts: [analyst]) { harness in
            let call = try await harness.claimed(ProcessingHarness.textCall())
            let failure = await #expect(throws: CallFailure.self) { try await harness.pipeline.run(call, logger: ProcessingHarness.logger) }
            #expect(failure?.disposition == .retry(after: nil))
            #expect(analyst.requests == 2, "PROVIDER_MAX_ATTEMPTS of the harness's chain")
            let recorded = try await harness.repository.pool.query("SELECT count(*) FROM provider_calls WHERE call_id = $1", [.init(call.id)])
            #expect(recorded.rows.first?[0].int == 2)
        }
    }

    @Test("an analyst that calls the input bad fails the call at once, without a retry")
    func badInput() async throws {
        let analyst = FailingAnalyst(.permanent)
        try await ProcessingHarness.with(analysts: [analyst]) { harness in
            let call = try await harness.claimed(ProcessingHarness.textCall())
            let failure = await #expect(throws: CallFailure.self) { try await harness.pipeline.run(call, logger: ProcessingHarness.logger) }
            #expect(failure?.disposition == .permanent)
            #expect(analyst.requests == 1)
        }
    }
}

@Suite("The worker's settings")
struct WorkerSettingsTests {
    @Test("every variable the worker reads is in its --help list, with a default")
    func helpListsEverySetting() throws {
        let environment = EnvironmentVariables([:])
        _ = try WorkerConfiguration(environment: environment)
        _ = try ProviderSettings(environment: environment, http: CurlHTTPClient(threadPool: TestThreadPool.shared))
        _ = Logger.service("worker-test", environment: environment)
        let listed = Set(WorkerConfiguration.settings.map(\.name))
        let system: Set = ["PATH"]  // where ffmpeg is looked for: the system's, not a setting of ours
        let unlisted = environment.keysRead.subtracting(listed).subtracting(system)
        #expect(unlisted.isEmpty, "read but not listed: \(unlisted)")
        #expect(listed.count == WorkerConfiguration.settings.count, "each listed once")
        #expect(WorkerConfiguration.settings.allSatisfy { !$0.defaultValue.isEmpty && !$0.meaning.isEmpty })
    }
}
