import CallAuditCore
import CallAuditRuntime
import Logging
import Providers
import Testing

@testable import CallAuditAPI

@Suite("The ingest's settings")
struct IngestSettingsTests {
    @Test("every variable the ingest reads is in its --help list (its own and the providers'), with a default")
    func helpListsEverySetting() throws {
        let environment = EnvironmentVariables([:])
        _ = try IngestConfiguration(environment: environment)
        _ = Logger.service("ingest-test", environment: environment)
        let help = IngestConfiguration.settings + ProviderSettings.settings
        let listed = Set(help.map(\.name))
        #expect(environment.keysRead.subtracting(listed).isEmpty, "read but not listed: \(environment.keysRead.subtracting(listed))")
        #expect(listed.count == help.count, "each listed once")
    }

    @Test("a value that is not a number names its variable")
    func wrongNumber() {
        let error = #expect(throws: ConfigurationError.self) {
            try IngestConfiguration(environment: EnvironmentVariables(["MAX_UPLOAD_BYTES": "lots"]))
        }
        #expect(error?.description == "MAX_UPLOAD_BYTES: lots is not an integer")
    }
}
