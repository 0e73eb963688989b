/// Where the events of ending calls go besides each call's own `callback_url`, and how their links are written.
public struct CallbackTargets: Sendable, Equatable {
    /// URLs that receive every call's events (`CALLBACK_URLS`).
    public var urls: [String]
    /// The ingest's public address that the events' links start with (`PUBLIC_BASE_URL`); empty: links are paths.
    public var linkBase: String

    /// Creates targets; the default sends events only to the calls' own URLs, with links as paths.
    public init(urls: [String] = [], linkBase: String = "") {
        self.urls = urls
        self.linkBase = linkBase.hasSuffix("/") ? String(linkBase.dropLast()) : linkBase
    }
}
