import Foundation
import SaimaEndpointServer
import SaimaRunner
import Testing

/// Counts what a responder was asked (the tests' responders run on the server's tasks).
actor RequestLog {
    var paths: [String] = []
    func add(_ path: String) { paths.append(path) }
}

/// The local server's own contract: what a responder sees of a request, and every kind of reply written to the
/// socket byte for byte, including the broken ones the runner's tests rely on.
@Suite("Local endpoint server: requests in, raw replies out")
struct LocalEndpointServerTests {
    static func post(_ server: LocalEndpointServer) -> HTTPRequest {
        HTTPRequest(url: server.baseURL + "/chat/completions", headers: ["Content-Type: application/json"],
                    // Safety nets only: every reply here ends at once, but a full parallel suite on 2 cores can stall a
                    // connect for seconds (seen once: a 2 s connect timeout hit, reported as another failure).
                    body: Data("{}".utf8), timeout: .seconds(60), connectTimeout: .seconds(30), maxResponseBytes: 1 << 20)
    }

    /// A responder sees the method, the path without its query string, header names lower-cased and the whole body.
    @Test func theResponderSeesMethodPathLowerCasedHeadersAndBody() async throws {
        let server = try await LocalEndpointServer.start { r in
            let body = String(decoding: r.body, as: UTF8.self)
            let header = r.headers["x-saima-test"] ?? "-"
            return .json(200, "\(r.method)|\(r.path)|\(header)|\(r.headers["content-length"] ?? "-")|\(body)")
        }
        try await serving(server) { server in
            let reply = try await RawHTTP.send(port: server.port, RawHTTP.request(
                "POST", "/v1/chat/completions?trace=1&x=2", headers: [("X-Saima-Test", "Mixed Case")],
                body: Data(#"{"a":1}"#.utf8)))
            #expect(reply.response?.text == #"POST|/v1/chat/completions|Mixed Case|7|{"a":1}"#)
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)/v1")
        }
    }

    /// A body reply is one status line, `Content-Type`, `Content-Length` and the extra headers sorted by name.
    @Test func aBodyReplyHasAnExactHeadWithExtraHeadersSorted() async throws {
        let server = try await LocalEndpointServer.start { _ in .json(201, "{}", headers: ["X-B": "2", "X-A": "1"]) }
        try await serving(server) { server in
            let response = try #require(try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/")).response)
            #expect(response.head
                == "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\nX-A: 1\r\nX-B: 2")
            #expect(response.text == "{}" && response.complete)
        }
    }

    /// An event stream is chunked: one chunk `data: <event>\n\n` per event (sizes in hex bytes), then the last chunk.
    @Test func anEventStreamIsOneChunkPerDataLine() async throws {
        let server = try await LocalEndpointServer.start { _ in .eventStream(events: ["a", "答"], delay: .zero) }
        try await serving(server) { server in
            let response = try #require(try await RawHTTP.send(port: server.port, RawHTTP.request("POST", "/v1/x")).response)
            #expect(response.head == "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked")
            #expect(String(decoding: response.wire, as: UTF8.self) == "9\r\ndata: a\n\n\r\nb\r\ndata: 答\n\n\r\n0\r\n\r\n")
            #expect(response.text == "data: a\n\ndata: 答\n\n")
        }
    }

    /// Events after the first wait `delay` each: three events with 40 ms between them take at least 80 ms.
    @Test func eventsAfterTheFirstWaitTheirDelay() async throws {
        let server = try await LocalEndpointServer.start { _ in
            .eventStream(events: ["1", "2", "3"], delay: .milliseconds(40))
        }
        try await serving(server) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try #require(try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/")).response)
            #expect(clock.now - start >= .milliseconds(80))
            #expect(response.text == "data: 1\n\ndata: 2\n\ndata: 3\n\n")
        }
    }

    /// A truncated reply announces more bytes than it sends and closes; the runner's transport calls it `truncated`.
    @Test func aTruncatedReplyAnnouncesMoreThanItSends() async throws {
        let partial = Data(#"{"choices":"#.utf8)
        let server = try await LocalEndpointServer.start { _ in .truncated(announced: 100, body: partial) }
        try await serving(server) { server in
            let response = try #require(try await RawHTTP.send(port: server.port, RawHTTP.request("POST", "/v1/x")).response)
            #expect(response.status == 200 && response.headers["content-length"] == "100")
            #expect(response.body == partial && !response.complete)
            let transport = CurlMultiTransport()
            defer { transport.shutdown() }
            let failure = await transport.send(Self.post(server), streaming: false).failure
            #expect(failure == .truncated, "got \(String(describing: failure))")
        }
    }

    /// A huge reply is exactly `bytes` filler bytes in 64 KiB chunks; over the transport's cap it is `bodyTooLarge`.
    @Test func aHugeReplySendsExactlyTheAskedBytes() async throws {
        let server = try await LocalEndpointServer.start { _ in .huge(bytes: 150_000) }
        try await serving(server) { server in
            let response = try #require(try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/")).response)
            #expect(response.body.count == 150_000 && Set(response.body) == [UInt8(ascii: "x")])
            #expect(response.wire.starts(with: Data("10000\r\n".utf8)), "65,536 bytes in the first chunk")
            let transport = CurlMultiTransport()
            defer { transport.shutdown() }
            var request = Self.post(server)
            request.maxResponseBytes = 10_000
            let failure = await transport.send(request, streaming: false).failure
            #expect(failure == .bodyTooLarge, "got \(String(describing: failure))")
        }
    }

    /// `closeConnection` closes without a byte.
    @Test func closeConnectionAnswersNothing() async throws {
        let server = try await LocalEndpointServer.start { _ in .closeConnection }
        try await serving(server) { server in
            let reply = try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/"))
            #expect(reply.response == nil)
        }
    }

    /// Keep-alive: three requests on one connection get three replies, in order.
    @Test func oneConnectionServesSeveralRequestsInTurn() async throws {
        let server = try await LocalEndpointServer.start { r in .json(200, r.path) }
        try await serving(server) { server in
            let replies = try await RawHTTP.exchange(
                port: server.port, ["/a", "/b", "/c"].map { RawHTTP.request("POST", $0, body: Data("x".utf8)) })
            #expect(replies.map { $0.response?.text } == ["/a", "/b", "/c"])
        }
    }

    /// Bytes that are not HTTP close their own connection without reaching the responder; the server still serves.
    @Test func aMalformedRequestClosesOnlyItsConnection() async throws {
        let log = RequestLog()
        let server = try await LocalEndpointServer.start { r in
            await log.add(r.path)
            return .json(200, "ok")
        }
        try await serving(server) { server in
            let garbage = try await RawHTTP.send(port: server.port, Data("GARBAGE\u{01} /\r\n\r\n".utf8))
            #expect(garbage.response == nil)
            let next = try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/after"))
            #expect(next.response?.text == "ok")
            #expect(await log.paths == ["/after"])
        }
    }

    /// The fixed server answers every request, whatever its method or path, with the same bytes, after its delay.
    @Test func theFixedServerAnswersEveryRequestAlike() async throws {
        let server = try await LocalEndpointServer.startFixed(body: Data(#"{"ok":true}"#.utf8), delay: .milliseconds(30))
        try await serving(server) { server in
            let clock = ContinuousClock()
            let start = clock.now
            let replies = try await RawHTTP.exchange(
                port: server.port, [RawHTTP.request("GET", "/anything"), RawHTTP.request("POST", "/v1/chat/completions")])
            #expect(clock.now - start >= .milliseconds(60))
            #expect(replies.count == 2)
            for reply in replies {
                #expect(reply.response?.head == "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11")
                #expect(reply.response?.text == #"{"ok":true}"#)
            }
        }
    }

    /// After `stop()` the port no longer answers with this server's replies. (Whether it refuses connections is not
    /// asserted: in a parallel suite another test's server may be given the freed port at once.)
    @Test func aStoppedServerNoLongerAnswers() async throws {
        let server = try await LocalEndpointServer.start { _ in .json(200, #"{"me":"stopped-server"}"#) }
        #expect(try await RawHTTP.send(port: server.port, RawHTTP.request("GET", "/")).response?.text == #"{"me":"stopped-server"}"#)
        await server.stop()
        let after = try? await RawHTTP.exchange(port: server.port, [RawHTTP.request("GET", "/")], timeoutSeconds: 2)
        #expect(after?.first?.response?.text != #"{"me":"stopped-server"}"#)
    }

    /// Stopping while a responder still works closes the waiting connection; the late reply is dropped, not written
    /// to an event loop that is gone.
    @Test func stoppingWhileAResponderWaitsClosesTheConnection() async throws {
        let (arrived, arrival) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        defer { releasing.finish() }
        let server = try await LocalEndpointServer.start { _ in
            arrival.yield()
            for await _ in release {}
            return .json(200, "late")
        }
        async let reply = RawHTTP.send(port: server.port, RawHTTP.request("POST", "/v1/chat/completions"))
        var arrivals = arrived.makeAsyncIterator()
        _ = await arrivals.next()
        await server.stop()
        #expect(try await reply.response == nil)
    }
}
