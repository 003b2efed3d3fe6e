package import Foundation
import SaimaBase
/// A request as the local endpoint server received it.
package struct EndpointRequest: Sendable {
    package var method: String
    /// Path without the query string, e.g. `/v1/chat/completions`.
    package var path: String
    /// Header names lower-cased.
    package var headers: [String: String]
    package var body: Data

    package init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }
}

/// What the server sends back. Besides well-formed answers it can misbehave on purpose, the way
/// broken contestant endpoints do.
package enum EndpointReply: Sendable {
    /// A complete response with `Content-Length`.
    case body(status: Int, contentType: String, body: Data, headers: [String: String])
    /// Server-sent events in chunked encoding, `delay` between events; each entry is one `data:` payload.
    case eventStream(events: [String], delay: Duration)
    /// A response announcing `announced` bytes but sending only `body`, then closing: a truncated body.
    case truncated(announced: Int, body: Data)
    /// A chunked body of `bytes` filler bytes: for response-size caps.
    case huge(bytes: Int)
    /// Closes the connection without answering.
    case closeConnection

    /// A JSON answer.
    package static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> EndpointReply {
        .body(status: status, contentType: "application/json", body: Data(text.utf8), headers: headers)
    }
}

/// Builds OpenAI-compatible reply bodies.
package enum ChatCompletionJSON {
    /// A chat completion whose first choice says `content`, with a `usage` block.
    package static func completion(content: String, model: String, promptTokens: Int = 10, completionTokens: Int = 5)
        -> String
    {
        var escaped = ""
        JSONValue.writeEscaped(content, into: &escaped)
        return """
            {"id":"chatcmpl-local","object":"chat.completion","created":0,"model":\(quoted(model)),\
            "choices":[{"index":0,"message":{"role":"assistant","content":\(escaped)},"finish_reason":"stop"}],\
            "usage":{"prompt_tokens":\(promptTokens),"completion_tokens":\(completionTokens),\
            "total_tokens":\(promptTokens + completionTokens)}}
            """
    }

    /// SSE payloads streaming `content` in `pieces` parts, a usage event, and `[DONE]`.
    package static func streamEvents(content: String, model: String, pieces: Int = 3) -> [String] {
        let characters = Array(content)
        let size = max(1, (characters.count + pieces - 1) / max(1, pieces))
        var events: [String] = []
        var index = 0
        while index < characters.count {
            var piece = ""
            JSONValue.writeEscaped(String(characters[index..<min(characters.count, index + size)]), into: &piece)
            events.append(
                #"{"id":"chatcmpl-local","object":"chat.completion.chunk","model":\#(quoted(model)),"choices":[{"index":0,"delta":{"content":\#(piece)}}]}"#
            )
            index += size
        }
        events.append(
            #"{"id":"chatcmpl-local","object":"chat.completion.chunk","model":\#(quoted(model)),"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":\#(characters.count),"total_tokens":\#(10 + characters.count)}}"#
        )
        events.append("[DONE]")
        return events
    }

    /// `text` as a JSON string literal (a model name may hold `"` or `\`).
    package static func quoted(_ text: String) -> String {
        var out = ""
        JSONValue.writeEscaped(text, into: &out)
        return out
    }

    /// An OpenAI-style error body.
    package static func error(_ message: String, type: String) -> String {
        var escaped = ""
        JSONValue.writeEscaped(message, into: &escaped)
        return #"{"error":{"message":\#(escaped),"type":"\#(type)"}}"#
    }
}
