/// One page of calls, newest first, and the cursor of the next page.
public struct CallPage: Sendable {
    /// The calls on this page.
    public var calls: [CallRecord]
    /// Pass as `cursor` to get the next page; `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    public init(calls: [CallRecord], nextCursor: String?) {
        self.calls = calls
        self.nextCursor = nextCursor
    }
}
