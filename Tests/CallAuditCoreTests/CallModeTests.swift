import CallAuditCore
import Testing

@Suite("CallMode")
struct CallModeTests {
    @Test("accepts the API and seed spellings, ignoring case and spaces", arguments: [
        ("manager", CallMode.manager), ("Manager+", .manager), (" MANAGER ", .manager),
        ("client", .client), ("Client+", .client), ("dialog", .dialog), ("Диалог", .dialog), ("диалог", .dialog),
    ])
    func parses(text: String, mode: CallMode) {
        #expect(CallMode(parsing: text) == mode)
    }

    @Test("refuses anything else", arguments: ["", "boss", "manager++", "dialogs"])
    func refuses(text: String) {
        #expect(CallMode(parsing: text) == nil)
    }
}
