import Foundation
import SaimaBase
public import SaimaModel

/// Token counts reported by the endpoint in `usage`.
public struct TokenUsage: Sendable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}

/// The classified result of one attempt.
public struct AttemptOutcome: Sendable {
    public var outcome: Outcome
    public var content: String?
    public var usage: TokenUsage?
    /// A short explanation for failures (never contains request headers).
    public var detail: String?
}

/// Classifies an HTTP result and extracts the assistant's text from a chat completion.
///
/// `ok` requires HTTP 200, valid UTF-8, and a JSON chat completion whose
/// `choices[0].message.content` is a string (or a list of text parts); for streams, a sequence of
/// `data:` events whose deltas carry content. Anything else is a failure class (see `Outcome`).
public enum ChatResponseParser {
    public static func classify(_ result: HTTPResult, streamed: Bool) -> AttemptOutcome {
        if let failure = result.failure {
            switch failure {
            case .timeout: return AttemptOutcome(outcome: .timeout, detail: "deadline exceeded")
            case .connection(let why): return AttemptOutcome(outcome: .connectError, detail: why)
            case .bodyTooLarge:
                return AttemptOutcome(outcome: .tooLarge, detail: "response body exceeded the cap")
            case .truncated: return AttemptOutcome(outcome: .malformed, detail: "truncated body")
            case .cancelled: return AttemptOutcome(outcome: .connectError, detail: "cancelled")
            case .other(let why):
                // A failure after a complete status line but mid-body is a broken response.
                return AttemptOutcome(outcome: result.status == 0 ? .connectError : .malformed, detail: why)
            }
        }
        switch result.status {
        case 200: break
        case 429: return AttemptOutcome(outcome: .rateLimited, detail: "HTTP 429")
        case 408: return AttemptOutcome(outcome: .timeout, detail: "HTTP 408")
        case 400..<500: return AttemptOutcome(outcome: .http4xx, detail: "HTTP \(result.status)")
        case 500..<600: return AttemptOutcome(outcome: .http5xx, detail: "HTTP \(result.status)")
        default: return AttemptOutcome(outcome: .malformed, detail: "unexpected HTTP status \(result.status)")
        }
        guard let text = String(validating: result.body, as: UTF8.self) else {
            return AttemptOutcome(outcome: .malformed, detail: "body is not valid UTF-8")
        }
        return streamed || text.hasPrefix("data:") ? parseStream(text) : parseCompletion(result.body)
    }

    /// A whole chat completion, parsed from the body's bytes.
    static func parseCompletion(_ body: Data) -> AttemptOutcome {
        let json: JSONValue
        do {
            json = try JSONValue.parse(body)
        } catch {
            return AttemptOutcome(outcome: .malformed, detail: "not JSON")
        }
        guard let first = json["choices"]?.arrayValue?.first else {
            return AttemptOutcome(outcome: .malformed, detail: "no choices")
        }
        guard let content = contentText(first["message"]?["content"]) else {
            return AttemptOutcome(outcome: .malformed, detail: "null or missing message content")
        }
        return AttemptOutcome(outcome: .ok, content: content, usage: usage(json["usage"]))
    }

    static func parseStream(_ text: String) -> AttemptOutcome {
        var content = ""
        var sawContent = false
        var usage: TokenUsage?
        var done = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmedSpaces
            guard line.hasPrefix("data:") else { continue }
            let payload = line.dropFirst(5).trimmedSpaces
            if payload == "[DONE]" {
                done = true
                break
            }
            guard let event = try? JSONValue.parse(payload) else {
                return AttemptOutcome(outcome: .malformed, detail: "stream event is not JSON")
            }
            if let u = Self.usage(event["usage"]) { usage = u }
            if let delta = event["choices"]?.arrayValue?.first?["delta"], let piece = contentText(delta["content"]) {
                content += piece
                sawContent = true
            }
        }
        guard done else { return AttemptOutcome(outcome: .malformed, detail: "stream ended without [DONE]") }
        guard sawContent else { return AttemptOutcome(outcome: .malformed, detail: "stream carried no content") }
        return AttemptOutcome(outcome: .ok, content: content, usage: usage)
    }

    /// A string, or the concatenated `text` of content parts; nil for null or other shapes.
    static func contentText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s
        case .array(let parts):
            let texts = parts.compactMap { $0["text"]?.stringValue }
            return texts.isEmpty ? nil : texts.joined()
        default: return nil
        }
    }

    /// The reply's token counts, when both are whole numbers from 0 to `maxTokens`. A contestant's server
    /// controls these numbers: anything else (`1e19`, `-5`, `2.5`, `1e400`) is dropped, never converted.
    static func usage(_ value: JSONValue?) -> TokenUsage? {
        guard let p = tokenCount(value?["prompt_tokens"]), let c = tokenCount(value?["completion_tokens"]) else {
            return nil
        }
        return TokenUsage(promptTokens: p, completionTokens: c)
    }

    /// Largest token count accepted from a reply (far above any real context).
    public static let maxTokens = 1_000_000_000

    static func tokenCount(_ value: JSONValue?) -> Int? {
        guard let n = value?.numberValue, n.isFinite, n >= 0, n <= Double(maxTokens), n == n.rounded() else {
            return nil
        }
        return Int(n)
    }
}
