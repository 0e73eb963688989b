import CallAuditCore
import CallAuditRuntime
@testable import Callbacks
import CallStore
import FailurePolicy
import Testing

/// Settings that cannot be used stop the worker at start with the variable's name; the retry decision.
@Suite("callback settings")
struct CallbackSettingsTests {
    static func backend(_ values: [String: String]) throws -> BackendConfiguration {
        try BackendConfiguration(environment: EnvironmentVariables(values), defaultDatabasePoolSize: 1, defaultRedisPoolSize: 1)
    }

    @Test("a CALLBACK_URLS entry that is not an http URL, or that is internal without CALLBACK_ALLOW_PRIVATE, is refused")
    func refused() throws {
        let notURL = #expect(throws: ConfigurationError.self) { try Self.backend(["CALLBACK_URLS": "https://crm.example.com/hook, ftp://x"]) }
        #expect(notURL?.key == "CALLBACK_URLS")
        #expect(notURL?.reason == "ftp://x is not an http or https URL")
        #expect(throws: ConfigurationError.self) { try Self.backend(["PUBLIC_BASE_URL": "audit.example.com"]) }

        let privateTarget = try Self.backend(["CALLBACK_URLS": "http://10.0.0.5/hook"])
        let error = #expect(throws: ConfigurationError.self) {
            try CallbackSettings(environment: EnvironmentVariables([:]), targets: privateTarget.callbacks)
        }
        #expect(error?.key == "CALLBACK_URLS")
        #expect(error?.reason.contains("CALLBACK_ALLOW_PRIVATE=true") == true)
        let allowed = try CallbackSettings(environment: EnvironmentVariables(["CALLBACK_ALLOW_PRIVATE": "true"]), targets: privateTarget.callbacks)
        #expect(allowed.allowPrivateAddresses)
        #expect(throws: ConfigurationError.self) {
            try CallbackSettings(environment: EnvironmentVariables(["CALLBACK_MAX_ATTEMPTS": "0"]), targets: CallbackTargets())
        }
    }

    @Test("timeouts, 5xx and 429 are retried while attempts remain, at the receiver's retry-after when it gives one")
    func decision() throws {
        var settings = try CallbackSettings(environment: EnvironmentVariables(["CALLBACK_MAX_ATTEMPTS": "3"]), targets: CallbackTargets())
        settings.backoff = Backoff(base: .seconds(5), maximum: .seconds(60), jitter: 1...1)
        #expect(CallbackDispatcher.next(after: nil, tries: 1, settings: settings) == .delivered)
        #expect(CallbackDispatcher.next(after: .retry(after: nil), tries: 1, settings: settings) == .retry(after: .seconds(5)))
        #expect(CallbackDispatcher.next(after: .retry(after: nil), tries: 2, settings: settings) == .retry(after: .seconds(10)))
        #expect(CallbackDispatcher.next(after: .retry(after: .seconds(7)), tries: 1, settings: settings) == .retry(after: .seconds(7)))
        #expect(CallbackDispatcher.next(after: .retry(after: .seconds(7200)), tries: 1, settings: settings) == .retry(after: .seconds(60)))
        #expect(CallbackDispatcher.next(after: .retry(after: nil), tries: 3, settings: settings) == .failed)
        #expect(CallbackDispatcher.next(after: .permanent, tries: 1, settings: settings) == .failed)
        #expect(HTTPStatusPolicy.disposition(status: 404, server: .callbackReceiver) == .permanent)
        #expect(HTTPStatusPolicy.disposition(status: 503, server: .callbackReceiver) == .retry(after: nil))
    }
}

@Suite("callback settings in --help")
struct CallbackHelpTests {
    @Test("every variable of callback delivery is in the worker's --help list, with a default")
    func listed() throws {
        let environment = EnvironmentVariables([:])
        _ = try CallbackSettings(environment: environment, targets: CallbackTargets())
        let listed = Set(CallbackSettings.settings.map(\.name))
        #expect(environment.keysRead.subtracting(listed).isEmpty, "read but not listed: \(environment.keysRead.subtracting(listed))")
        #expect(listed.count == CallbackSettings.settings.count)
        let backend = Set(BackendConfiguration.settings.map(\.name))
        #expect(backend.isSuperset(of: ["CALLBACK_URLS", "PUBLIC_BASE_URL"]))
    }
}
