import Audio
import CallAuditCore
import CallAuditRuntime
@testable import CallProcessing
import CallQueue
import CallStore
import CurlHTTP
import Foundation
import Logging
import Providers
import TestSupport

/// A pipeline and a processor over a fresh database and a queue prefix of their own, with the providers a test
/// gives: the real store and queue, stand-ins only for the paid APIs.
struct ProcessingHarness: Sendable {
    let clients: ServiceClients
    let backends: Backends
    let pipeline: CallPipeline
    let processor: CallProcessor
    let configuration: WorkerConfiguration

    var repository: CallRepository { backends.repository }
    var queue: JobQueue { backends.queue }

    static let logger = Logger(label: "processing-test")

    /// `environment` adds worker settings (`WORKER_CONCURRENCY`, …) to the harness's own.
    static func with(
        transcribers: [any Transcriber] = [], analysts: [any Analyst] = [LocalAnalyst()], maxAttempts: Int = 5,
        environment extra: [String: String] = [:], _ body: @escaping @Sendable (ProcessingHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.with { databaseURL in
            try await TestClients.with(databaseURL: databaseURL) { clients in
                let environment = EnvironmentVariables([
                    "DATABASE_URL": databaseURL, "REDIS_URL": TestEnvironment.redisURL,
                    "QUEUE_PREFIX": TestEnvironment.uniquePrefix("processing"), "JOB_MAX_ATTEMPTS": String(maxAttempts),
                ].merging(extra) { _, added in added })
                let configuration = try WorkerConfiguration(environment: environment)
                let backends = Backends(clients: clients, configuration: configuration.backend)
                try await backends.prepare(logger: logger)
                let http = CurlHTTPClient(threadPool: TestThreadPool.shared)
                var providers = try ProviderSettings(environment: environment, http: http)
                providers.transcribers = transcribers
                providers.analysts = analysts
                let chain = ProviderChain(
                    health: ProviderHealth([], logger: logger),
                    retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10)),
                    prices: PriceTable(), cache: nil)
                let pipeline = CallPipeline(
                    repository: backends.repository, http: http, providers: providers, chain: chain,
                    configuration: configuration)
                let processor = CallProcessor(
                    repository: backends.repository, queue: backends.queue, pipeline: pipeline, logger: logger)
                try await body(ProcessingHarness(
                    clients: clients, backends: backends, pipeline: pipeline, processor: processor, configuration: configuration))
                _ = try? await clients.redis.send(["DEL", backends.queue.configuration.streamKey,
                                                   backends.queue.configuration.delayedKey,
                                                   backends.queue.configuration.deadLetterKey,
                                                   backends.queue.configuration.inFlightKey])
            }
        }
    }

    /// Stores a call and answers its record as a worker claims it (attempts counted).
    func claimed(_ call: NewCall) async throws -> CallRecord {
        _ = try await repository.insert(call)
        return try await repository.claim([call.id])[0]
    }

    /// Stores and enqueues a call, and takes its entry from the stream as a worker does.
    func fetched(_ call: NewCall) async throws -> (QueueEntry, CallRecord) {
        _ = try await repository.insert(call)
        try await queue.enqueue(call.id)
        let entry = try await queue.fetch(consumer: "processing-test", count: 1, block: .milliseconds(200))[0]
        return await processor.claim([entry])[0]
    }

    /// Stores and enqueues `count` text calls; answers their ids.
    func enqueue(_ count: Int) async throws -> [UUID] {
        var ids: [UUID] = []
        for _ in 0..<count {
            let call = Self.textCall()
            _ = try await repository.insert(call)
            ids.append(call.id)
        }
        try await queue.enqueue(ids)
        return ids
    }

    /// How many of the calls `ids` have `status`.
    func count(_ status: CallStatus, of ids: [UUID]) async throws -> Int {
        var count = 0
        for id in ids {
            if try await repository.find(id)?.status == status { count += 1 }
        }
        return count
    }

    /// A consumer over this harness's processor, `name` in the consumer group.
    func consumer(named name: String = "processing-test") -> QueueConsumer {
        var configuration = configuration
        configuration.consumerName = name
        return QueueConsumer(backends: backends, processor: processor, inFlight: InFlightEntries(),
                             configuration: configuration, logger: Self.logger)
    }

    static let dialog = """
        Manager: Hello, this is Anna from Acme, how can I help you?
        Customer: I need a faster internet plan for my office.
        Manager: What speed do you need? Our business plan costs 40 dollars a month; shall I send you the offer today?
        Customer: Yes, please send it.
        """

    static func textCall(_ text: String = dialog) -> NewCall {
        NewCall(managerID: "anna", mode: .manager, source: .text, dialogText: text)
    }

    /// An upload's call, its recording stored as ingest stores it.
    func upload(_ bytes: [UInt8]) async throws -> NewCall {
        let call = NewCall(managerID: "anna", mode: .manager, source: .upload,
                           audio: UploadedAudio(filename: "call.wav", contentType: "audio/wav", size: bytes.count))
        try await repository.storeRecording(bytes, of: call.id)
        return call
    }

    /// A one-second mono PCM16 WAV at 8 kHz.
    static let wav = WAVAudio.file([UInt8](repeating: 0, count: 16_000), formatTag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 16)

    static let transcript = Transcript(segments: [
        Segment(role: .manager, speaker: "A", text: "Hello, this is Anna from Acme, how can I help you?", start: 0, end: 2),
        Segment(role: .customer, speaker: "B", text: "I need a faster plan.", start: 2, end: 4),
    ], language: "en")
}
