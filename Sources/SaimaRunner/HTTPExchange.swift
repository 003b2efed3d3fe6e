public import Foundation

/// One HTTP POST to send through the transport.
public struct HTTPRequest: Sendable {
    public var url: String
    /// Header lines such as `Content-Type: application/json`.
    public var headers: [String]
    public var body: Data
    /// Total deadline of the transfer.
    public var timeout: Duration
    public var connectTimeout: Duration
    /// Bodies larger than this are aborted and reported as `bodyTooLarge`.
    public var maxResponseBytes: Int
    /// Opt-in HTTP/2; HTTP/1.1 otherwise.
    public var http2: Bool

    public init(url: String, headers: [String], body: Data, timeout: Duration, connectTimeout: Duration,
                maxResponseBytes: Int, http2: Bool = false)
    {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxResponseBytes = maxResponseBytes
        self.http2 = http2
    }
}

/// What came back: a response, or the transport failure that prevented one.
public struct HTTPResult: Sendable {
    public enum Failure: Sendable, Equatable {
        case timeout
        /// Could not connect, or the connection was reset or closed early.
        case connection(String)
        /// The body exceeded `maxResponseBytes`; the transfer was aborted.
        case bodyTooLarge
        /// The body ended before its announced length.
        case truncated
        case cancelled
        case other(String)
    }

    /// HTTP status, 0 when no response line arrived.
    public var status: Int
    public var body: Data
    /// The `Retry-After` header, if any.
    public var retryAfter: String?
    public var failure: Failure?
    /// Seconds from the start of the transfer to its end.
    public var totalSeconds: Double
    /// Seconds from the start of the transfer to the first byte of the body, if any arrived.
    public var firstByteSeconds: Double?
    /// Seconds from the start to the first streamed event that carried content (SSE only).
    public var firstContentSeconds: Double?

    public init(status: Int, body: Data, retryAfter: String? = nil, failure: Failure? = nil, totalSeconds: Double,
                firstByteSeconds: Double? = nil, firstContentSeconds: Double? = nil)
    {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
        self.failure = failure
        self.totalSeconds = totalSeconds
        self.firstByteSeconds = firstByteSeconds
        self.firstContentSeconds = firstContentSeconds
    }
}

/// Sends HTTP requests; the runner's only seam to the network.
public protocol HTTPTransport: Sendable {
    /// Sends `request`; with `streaming`, also notes when the first content-bearing SSE event arrives.
    func send(_ request: HTTPRequest, streaming: Bool) async -> HTTPResult
}
