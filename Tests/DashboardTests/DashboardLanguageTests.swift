import Testing

@testable import Dashboard

@Suite("Dashboard language")
struct DashboardLanguageTests {
    @Test("the switch beats the cookie, the cookie beats Accept-Language, which is read by q; English otherwise")
    func choice() {
        #expect(DashboardLanguage.chosen(query: "ko", cookie: "ru", acceptLanguage: "en") == .ko)
        #expect(DashboardLanguage.chosen(query: "xx", cookie: "ru", acceptLanguage: "en") == .ru)
        #expect(DashboardLanguage.chosen(query: nil, cookie: nil, acceptLanguage: "ru-RU,ru;q=0.9,en-US;q=0.8") == .ru)
        #expect(DashboardLanguage.chosen(query: nil, cookie: nil, acceptLanguage: "de-DE, en;q=0.3, ko;q=0.7") == .ko)
        #expect(DashboardLanguage.chosen(query: nil, cookie: nil, acceptLanguage: "ko;q=0, fr") == .en)
        #expect(DashboardLanguage.chosen(query: nil, cookie: "nonsense", acceptLanguage: nil) == .en)
    }

    @Test("every language has every label")
    func labels() {
        let keys = Set(DashboardStrings.english.keys)
        #expect(Set(DashboardStrings.russian.keys) == keys)
        #expect(Set(DashboardStrings.korean.keys) == keys)
        #expect(DashboardStrings.russian.values.allSatisfy { !$0.isEmpty })
    }

    @Test("the language links keep the page's query and replace its language")
    func links() {
        let frame = PageFrame(language: .ru, section: .calls, title: "Звонки", path: "/calls",
                              query: [("manager_id", "анна & co"), ("lang", "en")])
        #expect(frame.languages.map(\.href) == [
            "/calls?manager_id=%D0%B0%D0%BD%D0%BD%D0%B0%20%26%20co&lang=en",
            "/calls?manager_id=%D0%B0%D0%BD%D0%BD%D0%B0%20%26%20co&lang=ru",
            "/calls?manager_id=%D0%B0%D0%BD%D0%BD%D0%B0%20%26%20co&lang=ko",
        ])
        #expect(frame.languages.map(\.current) == [false, true, false])
        #expect(frame.nav.first { $0.current }?.label == "Звонки")
    }
}
