import CallAuditCore

extension QueueConfiguration {
    /// Reads `QUEUE_PREFIX`, `JOB_VISIBILITY_TIMEOUT_SECONDS`, `JOB_MAX_ATTEMPTS`, `JOB_RETRY_BASE_MILLISECONDS` and
    /// `JOB_RETRY_MAX_SECONDS`; both services read the same names so they agree on the queue.
    public init(environment: EnvironmentVariables) throws {
        self.init(
            keyPrefix: environment.string("QUEUE_PREFIX", default: "callaudit"),
            visibilityTimeout: .seconds(try environment.int("JOB_VISIBILITY_TIMEOUT_SECONDS", default: 300)),
            maxAttempts: try environment.int("JOB_MAX_ATTEMPTS", default: 5),
            retryBaseDelay: .milliseconds(try environment.int("JOB_RETRY_BASE_MILLISECONDS", default: 2000)),
            retryMaxDelay: .seconds(try environment.int("JOB_RETRY_MAX_SECONDS", default: 300)))
    }
}
