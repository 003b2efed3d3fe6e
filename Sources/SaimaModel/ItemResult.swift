import SaimaBase
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
    /// Compact JSON array of attempts, as stored in the `attempts` column: the canonical JSON of
    /// `[{"detail": …, "latency_ms": …, "outcome": …, "status": …}]` (latency rounded to 0.001 ms), written directly.
    public static func json(_ attempts: [AttemptRecord]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, a) in attempts.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"detail":"#.utf8)
            if let detail = a.detail { JSONValue.writeEscaped(detail, into: &out) } else { out.append(contentsOf: "null".utf8) }
            out.append(contentsOf: #","latency_ms":"#.utf8)
            out.append(contentsOf: JSONValue.format(number: (a.latencyMs * 1000).rounded() / 1000).utf8)
            out.append(contentsOf: #","outcome":"#.utf8)
            JSONValue.writeEscaped(a.outcome.rawValue, into: &out)
            out.append(contentsOf: #","status":"#.utf8)
            out.append(contentsOf: JSONValue.format(number: Double(a.status)).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
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

    /// The text the result chain hashes: key, outcome and content, unambiguously delimited — the canonical JSON
    /// (`JSONValue.canonicalJSON`) of the object {team, track, set, item, sample, outcome, content, prompt_hash}.
    public var chainPayload: String {
        var bytes: [UInt8] = []
        writeChainPayload(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `chainPayload`'s bytes, written directly in canonical key order (the same bytes as building the
    /// object and serializing it, which a test checks, without the dictionary).
    func writeChainPayload(into out: inout [UInt8]) {
        var first = true
        func member(_ name: String, _ write: (inout [UInt8]) -> Void) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.writeEscaped(name, into: &out)
            out.append(UInt8(ascii: ":"))
            write(&out)
        }
        out.append(UInt8(ascii: "{"))
        // Keys in canonical (sorted) order.
        member("content") { o in if let content { JSONValue.writeEscaped(content, into: &o) } else { o.append(contentsOf: "null".utf8) } }
        member("item") { JSONValue.writeEscaped(key.item, into: &$0) }
        member("outcome") { JSONValue.writeEscaped(outcome.rawValue, into: &$0) }
        member("prompt_hash") { JSONValue.writeEscaped(promptHash, into: &$0) }
        member("sample") { $0.append(contentsOf: JSONValue.format(number: Double(key.sample)).utf8) }
        member("set") { JSONValue.writeEscaped(key.set, into: &$0) }
        member("team") { JSONValue.writeEscaped(key.team, into: &$0) }
        member("track") { JSONValue.writeEscaped(key.track, into: &$0) }
        out.append(UInt8(ascii: "}"))
    }

    /// The chain hash before the first row of any result chain (a run folder's, a shared store's).
    public static let chainGenesis = String(repeating: "0", count: 64)

    /// Chain hash: SHA-256 of the previous row's chain hash, a newline, and this row's payload.
    public func chainHash(previous: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(previous.utf8.count + 160 + (content?.utf8.count ?? 0))
        bytes.append(contentsOf: previous.utf8)
        bytes.append(0x0A)
        writeChainPayload(into: &bytes)
        return SHA256Digest.hex(bytes: bytes)
    }
}
