import Hummingbird
import NIOCore

/// The ingest's request context: Hummingbird's core storage and the address the request came from, which keys the
/// rate limit when no API keys are configured.
struct IngestRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
