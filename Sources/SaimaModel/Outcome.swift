/// How one request for one item ended. Every class but `ok` scores 0 and is counted in reports.
public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// HTTP 200 with a parsable chat completion that has text content.
    case ok
    /// The total deadline (`timeout_seconds`) or the connect deadline expired.
    case timeout
    /// The connection could not be made, or was reset or closed before a full response.
    case connectError = "connect_error"
    /// An HTTP 4xx answer other than 429 (including 401/403 for wrong keys).
    case http4xx = "http_4xx"
    /// An HTTP 5xx answer that persisted through all attempts.
    case http5xx = "http_5xx"
    /// HTTP 429 through all attempts.
    case rateLimited = "rate_limited"
    /// The body exceeded the response cap and was aborted.
    case tooLarge = "too_large"
    /// Not a valid chat completion: not JSON, no choices, null content, truncated body, invalid UTF-8.
    case malformed
    /// Not sent: the team's endpoint had failed too many requests in a row (`RunnerOptions.maxConsecutiveFailures`).
    case cutOff = "cut_off"

    /// Whether a request that ended this way is worth another attempt.
    public var isRetryable: Bool {
        switch self {
        case .timeout, .connectError, .http5xx, .rateLimited: true
        case .ok, .http4xx, .tooLarge, .malformed, .cutOff: false
        }
    }

    /// A short bilingual label for reports.
    public var label: String {
        switch self {
        case .ok: "成功 ok"
        case .timeout: "超时 timeout"
        case .connectError: "连接失败 connect error"
        case .http4xx: "客户端错误 HTTP 4xx"
        case .http5xx: "服务端错误 HTTP 5xx"
        case .rateLimited: "限流 rate limited"
        case .tooLarge: "响应过大 too large"
        case .malformed: "格式错误 malformed"
        case .cutOff: "已切断 cut off"
        }
    }
}
