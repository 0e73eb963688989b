import CCurl

/// `curl_global_init`, exactly once per process (it is not thread-safe, so a lazy global guards it).
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initialize() {
        _ = initialized
    }
}
