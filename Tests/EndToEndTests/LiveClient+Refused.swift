import Foundation
import NIOCore
import NIOPosix
import NIOWebSocket
import TestSupport

extension LiveClient {
    /// A session the server refuses at once (it only listens), read straight off the socket: the upgrade request, the
    /// `101`, then the server's frames up to its close. The WebSocket client of the other tests (swift-websocket's
    /// WSClient) sometimes loses frames that arrive in the same read as the `101` response and then waits for ever, and
    /// a refusal is the one answer that comes that early. Browsers and Python's websockets get it every time.
    static func refused(url: String, headers: [String: String] = [:], timeout: Duration = .seconds(10)) async throws -> Session {
        let target = try RawUpgrade(url: url, headers: headers)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: target.host, port: target.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await ended(within: timeout) {
            try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: target.request))
                var received = ByteBuffer()
                for try await chunk in inbound {
                    received.writeImmutableBuffer(chunk)
                    if let session = try RawUpgrade.refusal(in: received) { return session }
                }
                throw TestSupportError("the server at \(url) hung up before closing the session: \(received.readableBytes) bytes")
            }
        } onTimeout: {
            try? await channel.channel.close()
            return TestSupportError("the refused session at \(url) did not end within \(timeout)")
        }
    }
}

/// A WebSocket upgrade written by hand, and the reading of what a server answers to it.
private struct RawUpgrade {
    let host: String
    let port: Int
    let request: String

    init(url: String, headers: [String: String]) throws {
        guard let components = URLComponents(string: url), let host = components.host, let port = components.port else {
            throw TestSupportError("not a ws:// URL with a host and port: \(url)")
        }
        self.host = host
        self.port = port
        let target = components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let lines = ["GET \(target) HTTP/1.1", "Host: \(host):\(port)", "Connection: Upgrade", "Upgrade: websocket",
                     "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="]
            + headers.map { "\($0.key): \($0.value)" }
        request = lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The session in `received` once it holds the `101` response and frames up to a close frame; nil while more is to
    /// come.
    static func refusal(in received: ByteBuffer) throws -> LiveClient.Session? {
        let bytes = Array(received.readableBytesView)
        guard let headEnd = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self)
        guard head.hasPrefix("HTTP/1.1 101") else {
            throw TestSupportError("the server did not upgrade the session: \(head)")
        }
        var texts: [String] = []
        var offset = headEnd.upperBound
        while let frame = Frame(bytes, at: offset) {
            switch frame.opcode {
            case 0x1:
                texts.append(String(decoding: frame.payload, as: UTF8.self))
            case 0x8:
                let code = frame.payload.count >= 2 ? Int(frame.payload[0]) << 8 | Int(frame.payload[1]) : 1005
                return LiveClient.Session(texts: texts, closeCode: WebSocketErrorCode(codeNumber: code))
            default:
                break
            }
            offset = frame.end
        }
        return nil
    }

    /// One unmasked frame from a server, when `bytes` hold all of it from `start`.
    struct Frame {
        let opcode: UInt8
        let payload: [UInt8]
        let end: Int

        init?(_ bytes: [UInt8], at start: Int) {
            guard bytes.count >= start + 2 else { return nil }
            let shortLength = Int(bytes[start + 1] & 0x7F)
            let lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0
            let payloadStart = start + 2 + lengthBytes
            guard bytes.count >= payloadStart else { return nil }
            let length = lengthBytes == 0 ? shortLength
                : bytes[(start + 2)..<payloadStart].reduce(0) { $0 << 8 | Int($1) }
            guard bytes.count >= payloadStart + length else { return nil }
            opcode = bytes[start] & 0x0F
            payload = Array(bytes[payloadStart..<(payloadStart + length)])
            end = payloadStart + length
        }
    }
}
