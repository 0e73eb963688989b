import Hummingbird
import NIOCore

/// The ingest's request context: Hummingbird's core storage and the address the request came from, which keys the
/// rate limit when no API keys are configured.
public struct IngestRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The peer's address.
    public let remoteAddress: SocketAddress?

    /// Creates the context of a request.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
