/// Every metric the services export, in one place: the dashboard, the alert rules and the tests name these.
///
/// Code records them through swift-metrics under these names (`Counter(label: MetricCatalogue.callsAccepted.name)`);
/// libraries' own metrics (Hummingbird's `MetricsMiddleware`) are renamed here to Prometheus conventions.
public enum MetricCatalogue {
    static let secondsToTenMinutes = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600]
    static let requestSeconds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Calls stored and queued, by `source` (text, upload, url); repeats of an earlier request are not counted.
    public static let callsAccepted = MetricDefinition(
        "callaudit_calls_accepted_total", "Calls accepted and queued, by source.")
    /// Attempts at a call that ended, by `status` (done, failed, retrying, dead_lettered, awaiting_transcription)
    /// and `mode`.
    public static let callsFinished = MetricDefinition(
        "callaudit_calls_finished_total", "Call attempts a worker finished, by how they ended and mode.")
    /// How long one attempt at a call took in a worker, by `status` and `mode`.
    public static let callDuration = MetricDefinition(
        "callaudit_call_duration_seconds", "Time a worker spent on one attempt at a call, by how it ended and mode.",
        buckets: secondsToTenMinutes)
    /// How long a pipeline stage took, by `stage` (acquiring, transcribing, analyzing, persisting).
    public static let stageDuration = MetricDefinition(
        "callaudit_stage_duration_seconds", "Time one pipeline stage took for one call, by stage.",
        buckets: secondsToTenMinutes)
    /// Requests to providers, by `provider`, `step` and `outcome` (ok, transient_error, unavailable, bad_input).
    public static let providerRequests = MetricDefinition(
        "callaudit_provider_requests_total", "Requests to AI providers, by provider, step and outcome.")
    /// How long a provider request took, by `provider` and `step`.
    public static let providerRequestDuration = MetricDefinition(
        "callaudit_provider_request_duration_seconds", "Time one provider request took, by provider and step.",
        buckets: secondsToTenMinutes)
    /// Tokens billed, by `provider`, `step` and `direction` (input, output).
    public static let providerTokens = MetricDefinition(
        "callaudit_provider_tokens_total", "Tokens billed by AI providers, by provider, step and direction.")
    /// Seconds of audio billed, by `provider`.
    public static let providerAudioSeconds = MetricDefinition(
        "callaudit_provider_audio_seconds_total", "Seconds of audio billed by transcription providers, by provider.")
    /// What provider requests cost, by `provider` and `step`.
    public static let providerCost = MetricDefinition(
        "callaudit_provider_cost_usd_total", "What provider requests cost in US dollars (price table), by provider and step.")
    /// 1 when a provider may be asked, 0 while it is marked misconfigured or out of credit or its circuit is open.
    public static let providerAvailable = MetricDefinition(
        "callaudit_provider_available", "1 when the provider may be asked, 0 while it is out (misconfigured, out of credit or circuit open).")
    /// 1 while a provider's circuit breaker is open (or half-open, waiting for its trial request).
    public static let providerCircuitOpen = MetricDefinition(
        "callaudit_provider_circuit_open", "1 while the provider's circuit breaker is open after failures in a row, else 0.")
    /// Calls this worker is working on.
    public static let workerInFlight = MetricDefinition(
        "callaudit_worker_calls_in_flight", "Calls this worker is working on.")
    /// Slots this worker has free (`WORKER_CONCURRENCY` minus the calls still in their attempt; calls being saved have
    /// handed their slots back).
    public static let workerFreeSlots = MetricDefinition(
        "callaudit_worker_free_slots",
        "Calls this worker could take on now (WORKER_CONCURRENCY minus the calls not yet handed over for saving).")
    /// 1 when Redis answered this scrape's queue queries, else 0 (and the queue gauges keep their last values).
    public static let redisUp = MetricDefinition("callaudit_redis_up", "1 when Redis answered at this scrape, else 0.")
    /// 1 when PostgreSQL answered this scrape's ping, else 0.
    public static let postgresUp = MetricDefinition("callaudit_postgres_up", "1 when PostgreSQL answered at this scrape, else 0.")
    /// Entries in the job stream, delivered or not.
    public static let queueStreamLength = MetricDefinition(
        "callaudit_queue_stream_length", "Entries in the job stream, delivered or not (until trimmed).")
    /// Entries delivered to a worker and not yet acked.
    public static let queuePending = MetricDefinition(
        "callaudit_queue_pending", "Entries delivered to a worker and not yet acked.")
    /// Entries not yet delivered to any worker (the consumer group's lag).
    public static let queueLag = MetricDefinition(
        "callaudit_queue_lag", "Entries not yet delivered to any worker (the consumer group's lag).")
    /// Calls waiting for a retry.
    public static let queueDelayed = MetricDefinition("callaudit_queue_delayed", "Calls waiting for a retry.")
    /// Calls that ran out of attempts.
    public static let queueDeadLetters = MetricDefinition(
        "callaudit_queue_dead_letters", "Calls that ran out of attempts and wait in the dead-letter stream.")
    /// Age of the oldest entry no worker has taken yet; 0 when none waits.
    public static let queueOldestWaitingAge = MetricDefinition(
        "callaudit_queue_oldest_waiting_age_seconds", "Age of the oldest stream entry no worker has taken yet (0 when none waits).")
    /// Callback delivery attempts, by `event` (call.done, call.failed) and `outcome` (delivered, retrying, failed).
    public static let callbackAttempts = MetricDefinition(
        "callaudit_callback_attempts_total", "Attempts to deliver a callback event, by event and outcome.")
    /// HTTP requests served, by `route`, `method` and `status` (Hummingbird's `MetricsMiddleware`).
    public static let httpRequests = MetricDefinition(
        "http_server_requests_total", "HTTP requests served, by route, method and status.")
    /// HTTP request durations, by `route`, `method` and `status`.
    public static let httpRequestDuration = MetricDefinition(
        "http_server_request_duration_seconds", "Time to answer an HTTP request, by route, method and status.",
        buckets: requestSeconds)
    /// HTTP requests that ended in an error thrown by a handler, by `route`, `method` and `error_type` (the status).
    public static let httpRequestErrors = MetricDefinition(
        "http_server_request_errors_total", "HTTP requests whose handler threw, by route, method and status.")
    /// HTTP requests being answered now, by `method`.
    public static let httpActiveRequests = MetricDefinition(
        "http_server_active_requests", "HTTP requests being answered now, by method.")

    /// Every metric above.
    public static let all: [MetricDefinition] = [
        callsAccepted, callsFinished, callDuration, stageDuration, providerRequests, providerRequestDuration,
        providerTokens, providerAudioSeconds, providerCost, providerAvailable, providerCircuitOpen, workerInFlight,
        workerFreeSlots, redisUp, postgresUp, queueStreamLength, queuePending, queueLag, queueDelayed, queueDeadLetters,
        queueOldestWaitingAge, callbackAttempts, httpRequests, httpRequestDuration, httpRequestErrors, httpActiveRequests,
    ]

    /// Hummingbird's metric labels and what they are called here.
    static let libraryNames: [String: MetricDefinition] = [
        "hb.requests": httpRequests,
        "http.server.request.duration": httpRequestDuration,
        "hb.request.errors": httpRequestErrors,
        "http.server.active_requests": httpActiveRequests,
    ]

    /// Hummingbird's dimension names and the label names used here.
    static let libraryLabels: [String: String] = [
        "http.route": "route",
        "http.request.method": "method",
        "http.response.status_code": "status",
        "error.type": "error_type",
    ]

    /// The definition a swift-metrics label stands for: a catalogue name, a library's name, or a new definition
    /// with the label made a valid name (dots become underscores) and a help text saying where it came from.
    static func definition(forLabel label: String) -> MetricDefinition {
        if let known = byName[label] ?? libraryNames[label] { return known }
        let name = String(label.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
        return MetricDefinition(name, "Recorded by a library under \(label).")
    }

    static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
