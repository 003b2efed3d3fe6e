import Foundation
import SaimaEndpointServer

/// One HTTP/1.1 response as it came off the socket.
struct RawResponse: Sendable {
    var status: Int
    /// The status line and header lines, without the blank line that ends them.
    var head: String
    /// Header values by lower-cased name.
    var headers: [String: String]
    /// The body, with any chunked framing removed.
    var body: Data
    /// The bytes after the head exactly as sent (chunk framing kept).
    var wire: Data
    /// False when the connection closed before the announced end of the body.
    var complete: Bool

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// What one request on a connection got back.
enum RawReply: Sendable {
    case response(RawResponse)
    /// The server closed the connection without sending a byte.
    case closed

    var response: RawResponse? { if case .response(let r) = self { r } else { nil } }
}

struct RawHTTPError: Error, CustomStringConvertible {
    var description: String
}

/// A plain-socket HTTP/1.1 client for the tests: it sends exactly the bytes it is given (so it can send broken
/// requests) and reports exactly what came back. Each exchange runs on a thread of its own, never on a Swift
/// concurrency thread, which the server's responders need.
enum RawHTTP {
    /// The bytes of a request; `Host` is added, and `Content-Length` for a body or a POST.
    static func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: Data = Data()) -> Data {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        return Data((head + "\r\n").utf8) + body
    }

    /// Sends each request on one connection in turn, reading each response before the next request; stops at the
    /// first connection closed without a response.
    static func exchange(port: Int, _ requests: [Data], timeoutSeconds: Int = 120) async throws -> [RawReply] {
        try await onThread {
            let socket = try connectSocket(port: port, timeoutSeconds: timeoutSeconds)
            defer { close(socket) }
            var buffer = Data()
            var replies: [RawReply] = []
            for request in requests {
                try sendAll(socket, request)
                let reply = try readResponse(socket, &buffer)
                replies.append(reply)
                if case .closed = reply { break }
            }
            return replies
        }
    }

    /// One request on a new connection.
    static func send(port: Int, _ request: Data) async throws -> RawReply {
        try await exchange(port: port, [request])[0]
    }

    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    private static func connectSocket(port: Int, timeoutSeconds: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError(description: "socket failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawHTTPError(description: "connect to port \(port) failed")
        }
        return fd
    }

    private static func sendAll(_ fd: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw RawHTTPError(description: "send failed") }
                offset += n
            }
        }
    }

    /// Reads more bytes into `buffer`; false at the end of the stream (a close or a reset).
    private static func fill(_ fd: Int32, _ buffer: inout Data) throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n < 0, errno == ECONNRESET { return false }
        if n < 0 { throw RawHTTPError(description: "no answer in time (errno \(errno))") }
        buffer.append(contentsOf: chunk[0..<n])
        return n > 0
    }

    private static func readResponse(_ fd: Int32, _ buffer: inout Data) throws -> RawReply {
        let separator = Data("\r\n\r\n".utf8)
        while buffer.range(of: separator) == nil {
            guard try fill(fd, &buffer) else {
                if buffer.isEmpty { return .closed }
                throw RawHTTPError(description: "connection closed inside the head")
            }
        }
        let end = buffer.range(of: separator)!
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer = Data(buffer[end.upperBound...])
        let lines = head.components(separatedBy: "\r\n")
        let status = lines[0].split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var response = RawResponse(status: status, head: head, headers: headers, body: Data(), wire: Data(), complete: true)
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            try readChunks(fd, &buffer, into: &response)
        } else {
            let length = Int(headers["content-length"] ?? "0") ?? 0
            while buffer.count < length {
                guard try fill(fd, &buffer) else { break }
            }
            let taken = min(length, buffer.count)
            response.body = Data(buffer.prefix(taken))
            response.wire = response.body
            response.complete = taken == length
            buffer = Data(buffer.dropFirst(taken))
        }
        return .response(response)
    }

    private static func readChunks(_ fd: Int32, _ buffer: inout Data, into response: inout RawResponse) throws {
        let lineEnd = Data("\r\n".utf8)
        while true {
            while buffer.range(of: lineEnd) == nil {
                guard try fill(fd, &buffer) else { response.complete = false; return }
            }
            let sizeEnd = buffer.range(of: lineEnd)!
            let sizeText = String(decoding: buffer[buffer.startIndex..<sizeEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText, radix: 16) else { throw RawHTTPError(description: "bad chunk size \(sizeText)") }
            let total = sizeEnd.upperBound - buffer.startIndex + size + 2
            while buffer.count < total {
                guard try fill(fd, &buffer) else { response.complete = false; return }
            }
            response.wire += buffer.prefix(total)
            response.body += buffer[sizeEnd.upperBound..<(sizeEnd.upperBound + size)]
            buffer = Data(buffer.dropFirst(total))
            if size == 0 { return }
        }
    }
}

/// Runs `body` against `server` and stops the server afterwards, also when `body` throws.
func serving<T>(_ server: LocalEndpointServer, _ body: (LocalEndpointServer) async throws -> T) async throws -> T {
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}
