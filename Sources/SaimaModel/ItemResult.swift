public import Foundation

/// Identifies one request of a run: which team answered which item, and which sample it was.
public struct ResultKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var team: String
    public var track: String
    public var set: String
    public var item: String
    public var sample: Int

    public init(team: String, track: String, set: String, item: String, sample: Int) {
        self.team = team
        self.track = track
        self.set = set
        self.item = item
        self.sample = sample
    }

    public var description: String { "\(team)/\(track)/\(set)/\(item)#\(sample)" }
}

/// One HTTP attempt of a request.
public struct AttemptRecord: Sendable, Hashable, Codable {
    /// HTTP status, 0 when none arrived.
    public var status: Int
    public var outcome: Outcome
    public var latencyMs: Double
    public var detail: String?

    public init(status: Int, outcome: Outcome, latencyMs: Double, detail: String?) {
        self.status = status
        self.outcome = outcome
        self.latencyMs = latencyMs
        self.detail = detail
    }
}

extension AttemptRecord {
    /// Compact JSON array of attempts, as stored in the `attempts` column.
    public static func json(_ attempts: [AttemptRecord]) -> String {
        JSONValue.array(attempts.map { a in
            .object([
                "status": .number(Double(a.status)), "outcome": .string(a.outcome.rawValue),
                "latency_ms": .number((a.latencyMs * 1000).rounded() / 1000),
                "detail": a.detail.map(JSONValue.string) ?? .null,
            ])
        }).canonicalJSON
    }

    public static func parse(_ text: String) -> [AttemptRecord] {
        guard let array = (try? JSONValue.parse(text))?.arrayValue else { return [] }
        return array.map { a in
            AttemptRecord(
                status: Int(a["status"]?.numberValue ?? 0),
                outcome: Outcome(rawValue: a["outcome"]?.stringValue ?? "") ?? .malformed,
                latencyMs: a["latency_ms"]?.numberValue ?? 0, detail: a["detail"]?.stringValue)
        }
    }
}

/// The final record of one request, as stored in the run database.
public struct ItemResult: Sendable, Hashable {
    public var key: ResultKey
    public var outcome: Outcome
    /// Status of the last attempt.
    public var httpStatus: Int
    public var attempts: [AttemptRecord]
    /// Latency of the last attempt.
    public var latencyMs: Double
    /// Time to the first streamed content, when streaming.
    public var ttftMs: Double?
    /// The assistant's text (ok results).
    public var content: String?
    /// The start of the raw response body, capped at `ItemResult.rawResponseCap` bytes.
    public var rawResponse: String?
    public var promptHash: String
    public var templateVersion: String
    public var usage: (prompt: Int, completion: Int)?
    public var detail: String?
    public var finishedAt: Date

    /// How much of a raw body is kept for diagnosis.
    public static let rawResponseCap = 64 * 1024

    public init(
        key: ResultKey, outcome: Outcome, httpStatus: Int, attempts: [AttemptRecord], latencyMs: Double,
        ttftMs: Double? = nil, content: String? = nil, rawResponse: String? = nil, promptHash: String,
        templateVersion: String, usage: (prompt: Int, completion: Int)? = nil, detail: String? = nil,
        finishedAt: Date = Date()
    ) {
        self.key = key
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.attempts = attempts
        self.latencyMs = latencyMs
        self.ttftMs = ttftMs
        self.content = content
        self.rawResponse = rawResponse
        self.promptHash = promptHash
        self.templateVersion = templateVersion
        self.usage = usage
        self.detail = detail
        self.finishedAt = finishedAt
    }

    public static func == (a: ItemResult, b: ItemResult) -> Bool {
        a.key == b.key && a.outcome == b.outcome && a.content == b.content && a.attempts == b.attempts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(outcome)
    }

    /// The text the result chain hashes: key, outcome and content, unambiguously delimited.
    public var chainPayload: String {
        JSONValue.object([
            "team": .string(key.team), "track": .string(key.track), "set": .string(key.set),
            "item": .string(key.item), "sample": .number(Double(key.sample)), "outcome": .string(outcome.rawValue),
            "content": content.map(JSONValue.string) ?? .null, "prompt_hash": .string(promptHash),
        ]).canonicalJSON
    }

    /// Chain hash: SHA-256 of the previous row's chain hash, a newline, and this row's payload.
    public func chainHash(previous: String) -> String {
        SHA256Digest.hex(previous + "\n" + chainPayload)
    }
}
