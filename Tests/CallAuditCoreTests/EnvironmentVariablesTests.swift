import CallAuditCore
import Foundation
import Testing

@Suite("EnvironmentVariables")
struct EnvironmentVariablesTests {
    @Test("reads strings, integers and booleans with defaults; bad values are errors that name the variable")
    func values() throws {
        let environment = EnvironmentVariables(["PORT": "9000", "FLAG": "yes", "EMPTY": " ", "BAD": "ten"])
        #expect(try environment.int("PORT", default: 1) == 9000)
        #expect(try environment.int("MISSING", default: 7) == 7)
        #expect(try environment.bool("FLAG", default: false))
        #expect(environment.string("EMPTY") == nil)
        #expect(throws: ConfigurationError.self) { try environment.int("BAD", default: 1) }
        #expect(throws: ConfigurationError.self) { try environment.bool("BAD", default: true) }
    }

    @Test("a .env file is read; quotes, comments and export are understood")
    func dotEnv() throws {
        let path = NSTemporaryDirectory() + "dotenv-\(UUID().uuidString)"
        try """
            # comment
            export CALLAUDIT_TEST_DATABASE="postgres://x@localhost/db"
            CALLAUDIT_TEST_REDIS='redis://localhost:6379/2'
            CALLAUDIT_TEST_PLAIN=value with spaces
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let environment = EnvironmentVariables(dotEnvPath: path)
        #expect(environment.string("CALLAUDIT_TEST_DATABASE") == "postgres://x@localhost/db")
        #expect(environment.string("CALLAUDIT_TEST_REDIS") == "redis://localhost:6379/2")
        #expect(environment.string("CALLAUDIT_TEST_PLAIN") == "value with spaces")
    }
}
