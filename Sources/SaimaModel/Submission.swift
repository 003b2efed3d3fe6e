public import SaimaBase
/// A team's entry: who they are, which tracks they entered, and how to call their model.
public struct Submission: Sendable, Hashable, Identifiable {
    /// The team id: the name of the submission's folder.
    public var id: String
    public var team: LocalizedText
    public var contact: String?
    /// Ids of the tracks the team entered.
    public var tracks: [String]
    public var endpoint: EndpointSettings
    /// Path of `submission.yaml`.
    public var path: String

    public init(
        id: String, team: LocalizedText, contact: String?, tracks: [String], endpoint: EndpointSettings,
        path: String
    ) {
        self.id = id
        self.team = team
        self.contact = contact
        self.tracks = tracks
        self.endpoint = endpoint
        self.path = path
    }
}

/// How to reach an OpenAI-compatible chat endpoint, and the limits to respect when calling it.
public struct EndpointSettings: Sendable, Hashable {
    /// Base URL up to and including `/v1`; requests go to `{base_url}/chat/completions`.
    public var baseURL: String
    public var model: String
    /// Name of the environment variable that holds the API key (never the key itself).
    public var apiKeyEnv: String?
    /// Most transfers in flight for this endpoint.
    public var maxConcurrency: Int
    /// Token-bucket rate limit; nil means unlimited.
    public var requestsPerMinute: Double?
    /// Total deadline of one attempt, in seconds.
    public var timeoutSeconds: Double
    /// Deadline for establishing the connection, in seconds.
    public var connectTimeoutSeconds: Double
    /// JSON members merged into every request body (temperature, top_p, …).
    public var extraBody: [String: JSONValue]
    /// Opt-in HTTP/2 (HTTP/1.1 otherwise).
    public var http2: Bool
    /// Request server-sent events and record time to first token.
    public var stream: Bool

    public init(
        baseURL: String, model: String, apiKeyEnv: String? = nil, maxConcurrency: Int = 4,
        requestsPerMinute: Double? = nil, timeoutSeconds: Double = 60, connectTimeoutSeconds: Double = 10,
        extraBody: [String: JSONValue] = [:], http2: Bool = false, stream: Bool = false
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKeyEnv = apiKeyEnv
        self.maxConcurrency = maxConcurrency
        self.requestsPerMinute = requestsPerMinute
        self.timeoutSeconds = timeoutSeconds
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.extraBody = extraBody
        self.http2 = http2
        self.stream = stream
    }

    /// The settings as JSON, safe to store and print: the key's variable name, never its value.
    public var manifestJSON: JSONValue {
        var o: [String: JSONValue] = [
            "base_url": .string(baseURL), "model": .string(model),
            "max_concurrency": .number(Double(maxConcurrency)), "timeout_seconds": .number(timeoutSeconds),
            "connect_timeout_seconds": .number(connectTimeoutSeconds), "extra_body": .object(extraBody),
            "http2": .bool(http2), "stream": .bool(stream),
        ]
        if let apiKeyEnv { o["api_key_env"] = .string(apiKeyEnv) }
        if let requestsPerMinute { o["requests_per_minute"] = .number(requestsPerMinute) }
        return .object(o)
    }
}
