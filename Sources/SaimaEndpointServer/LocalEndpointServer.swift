package import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP/1.1 server on 127.0.0.1 (SwiftNIO) that answers with whatever its responder says.
///
/// It serves the demo's baseline personas, the benchmarks, and the runner's tests, where it plays
/// broken endpoints (resets, truncated bodies, huge bodies, slow streams). Keep-alive is supported;
/// requests are decoded by NIO's HTTP parser and replies are written as raw bytes so that the
/// server can also produce invalid ones.
package final class LocalEndpointServer: Sendable {
    package typealias Responder = @Sendable (EndpointRequest) async -> EndpointReply

    package let port: Int
    let group: MultiThreadedEventLoopGroup
    let channel: any Channel

    /// Starts listening on `host:port` (port 0 picks a free port).
    package static func start(host: String = "127.0.0.1", port: Int = 0, threads: Int = 1,
                             responder: @escaping Responder) async throws -> LocalEndpointServer
    {
        try await start(host: host, port: port, threads: threads) { EndpointConnectionHandler(responder: responder) }
    }

    /// Starts a server that answers every request with the same 200 JSON body after `delay`, on
    /// the event loop itself (no task per request): the benchmark endpoint.
    package static func startFixed(host: String = "127.0.0.1", port: Int = 0, threads: Int = 1, body: Data,
                                  delay: Duration = .zero) async throws -> LocalEndpointServer
    {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let reply = Array(head.utf8) + Array(body)
        let (seconds, attoseconds) = delay.components
        let nanos = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return try await start(host: host, port: port, threads: threads) {
            FixedReplyHandler(reply: reply, delay: nanos > 0 ? .nanoseconds(nanos) : nil)
        }
    }

    static func start(host: String, port: Int, threads: Int,
                      makeHandler: @escaping @Sendable () -> any ChannelInboundHandler & Sendable)
        async throws -> LocalEndpointServer
    {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 1024)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
                    try channel.pipeline.syncOperations.addHandler(makeHandler())
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            return LocalEndpointServer(port: channel.localAddress?.port ?? port, group: group, channel: channel)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.port = port
        self.group = group
        self.channel = channel
    }

    /// `http://127.0.0.1:PORT/v1`.
    package var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Stops accepting, closes connections and ends the event loop threads.
    package func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Collects one request at a time and writes the responder's reply.
final class EndpointConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    // @unchecked: all mutable state is touched only on the channel's event loop.
    typealias InboundIn = HTTPServerRequestPart

    let responder: LocalEndpointServer.Responder
    var head: HTTPRequestHead?
    var body = Data()

    init(responder: @escaping LocalEndpointServer.Responder) { self.responder = responder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body.removeAll(keepingCapacity: true)
        case .body(var buffer):
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let head else { return }
            self.head = nil
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let path = String(head.uri.split(separator: "?", maxSplits: 1).first ?? "")
            let request = EndpointRequest(method: head.method.rawValue, path: path, headers: headers, body: body)
            let channel = context.channel
            let responder = self.responder
            Task {
                let reply = await responder(request)
                // The server may have stopped while the responder ran (a test's never-answering endpoint):
                // writing then would schedule work on an event loop that is gone.
                guard channel.isActive else { return }
                await ReplyWriter(channel: channel).write(reply)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Answers every request with the same bytes, optionally after a delay scheduled on the event loop.
final class FixedReplyHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart

    let reply: [UInt8]
    let delay: TimeAmount?

    init(reply: [UInt8], delay: TimeAmount?) {
        self.reply = reply
        self.delay = delay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        var buffer = context.channel.allocator.buffer(capacity: reply.count)
        buffer.writeBytes(reply)
        if let delay {
            let channel = context.channel
            let bytes = buffer
            context.eventLoop.scheduleTask(in: delay) { channel.writeAndFlush(bytes, promise: nil) }
        } else {
            context.writeAndFlush(NIOAny(buffer), promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}

/// Writes an `EndpointReply` to a channel as raw HTTP/1.1 bytes.
struct ReplyWriter {
    let channel: any Channel

    func write(_ reply: EndpointReply) async {
        switch reply {
        case .body(let status, let contentType, let body, let headers):
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: \(contentType)\r\n"
            head += "Content-Length: \(body.count)\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            var buffer = channel.allocator.buffer(capacity: head.utf8.count + body.count)
            buffer.writeString(head)
            buffer.writeBytes(body)
            try? await channel.writeAndFlush(buffer)
        case .eventStream(let events, let delay):
            await send("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
            for (index, event) in events.enumerated() {
                if index > 0, delay > .zero { try? await Task.sleep(for: delay) }
                await sendChunk(Data("data: \(event)\n\n".utf8))
            }
            await send("0\r\n\r\n")
        case .truncated(let announced, let body):
            var buffer = channel.allocator.buffer(capacity: 256 + body.count)
            buffer.writeString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(announced)\r\n\r\n")
            buffer.writeBytes(body)
            try? await channel.writeAndFlush(buffer)
            try? await channel.close()
        case .huge(let bytes):
            await send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 * 1024)
            var sent = 0
            while sent < bytes, channel.isActive {
                let n = min(chunk.count, bytes - sent)
                await sendChunk(chunk.prefix(n))
                sent += n
            }
            await send("0\r\n\r\n")
        case .closeConnection:
            try? await channel.close()
        }
    }

    private func send(_ text: String) async {
        var buffer = channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        try? await channel.writeAndFlush(buffer)
    }

    private func sendChunk(_ data: Data) async {
        var buffer = channel.allocator.buffer(capacity: data.count + 16)
        buffer.writeString(String(data.count, radix: 16) + "\r\n")
        buffer.writeBytes(data)
        buffer.writeString("\r\n")
        try? await channel.writeAndFlush(buffer)
    }

    static func reason(_ status: Int) -> String {
        HTTPResponseStatus(statusCode: status).reasonPhrase
    }
}
