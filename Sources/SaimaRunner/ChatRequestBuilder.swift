public import Foundation
public import SaimaBase
public import SaimaModel

/// Builds the OpenAI-compatible `POST {base_url}/chat/completions` body for one item.
///
/// Messages: the item's `system` (if any), its `messages` history, then one user message made of
/// the reference material (inline `context` or the cited dataset section), the prompt, the choices
/// laid out as `A. …` one per line, and the type's instruction from `PromptTemplates`.
/// Attachments turn the user content into OpenAI content parts: images as `image_url` data URIs,
/// audio as `input_audio` base64, video as a `video_url` data URI (accepted by vLLM-style servers).
/// The submission's `extra_body` is merged in last, except that it cannot replace `model`,
/// `messages` or `stream`.
public final class ChatRequestBuilder: Sendable {
    public let track: Track

    public init(track: Track) { self.track = track }

    /// The user-visible text of the question (reference material, prompt, choices, instruction).
    public func userText(for item: Item) -> String {
        var parts: [String] = []
        let reference = item.context ?? item.citation.flatMap { c in track.dataset(c.dataset)?.text(section: c.section) }
        if let reference {
            parts.append(PromptTemplates.contextHeading + "\n" + reference)
            parts.append(PromptTemplates.questionHeading + "\n" + item.prompt)
        } else {
            parts.append(item.prompt)
        }
        if !item.choices.isEmpty {
            parts.append(item.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n"))
        }
        parts.append(PromptTemplates.instruction(for: item))
        return parts.joined(separator: "\n\n")
    }

    /// Every text the model is sent for an item, as one string: the system message, the history and the user text,
    /// joined by blank lines (what choice readings subtract from a reply, and what the LLM reader shows).
    public func promptText(for item: Item) -> String {
        ([item.system].compactMap { $0 } + item.messages.map(\.content) + [userText(for: item)]).joined(separator: "\n\n")
    }

    /// The `messages` array.
    public func messages(for item: Item) throws -> [JSONValue] {
        var messages: [JSONValue] = []
        if let system = item.system { messages.append(Self.message("system", .string(system))) }
        for turn in item.messages { messages.append(Self.message(turn.role, .string(turn.content))) }
        let text = userText(for: item)
        if item.attachments.isEmpty {
            messages.append(Self.message("user", .string(text)))
        } else {
            var parts: [JSONValue] = [.object(["type": .string("text"), "text": .string(text)])]
            for attachment in item.attachments { parts.append(try Self.contentPart(attachment)) }
            messages.append(Self.message("user", .array(parts)))
        }
        return messages
    }

    /// The request body bytes and the prompt hash, computing the messages once.
    public func request(for item: Item, endpoint: EndpointSettings, stream: Bool) throws -> (body: Data, promptHash: String) {
        var messagesJSON: [UInt8] = []
        JSONValue.array(try messages(for: item)).writeCanonical(into: &messagesJSON)
        // The body is the canonical object with the already serialized messages spliced in at
        // their sorted position, so the messages are serialized once for body and hash.
        var rest = Self.body(messages: .null, endpoint: endpoint, stream: stream).objectValue ?? [:]
        rest["messages"] = nil
        var out: [UInt8] = [UInt8(ascii: "{")]
        var first = true
        for key in (Array(rest.keys) + ["messages"]).sorted() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.writeEscaped(key, into: &out)
            out.append(UInt8(ascii: ":"))
            if key == "messages" { out.append(contentsOf: messagesJSON) } else { rest[key]!.writeCanonical(into: &out) }
        }
        out.append(UInt8(ascii: "}"))
        return (Data(out), SHA256Digest.hex(messagesJSON))
    }

    /// The whole request body.
    public func body(for item: Item, endpoint: EndpointSettings, stream: Bool) throws -> JSONValue {
        Self.body(messages: .array(try messages(for: item)), endpoint: endpoint, stream: stream)
    }

    /// The body for any messages: `extra_body` merged first, then `model`, `messages` and `stream`.
    public static func body(messages: JSONValue, endpoint: EndpointSettings, stream: Bool) -> JSONValue {
        var body = endpoint.extraBody
        body["model"] = .string(endpoint.model)
        body["messages"] = messages
        if stream {
            body["stream"] = .bool(true)
            body["stream_options"] = .object(["include_usage": .bool(true)])
        } else {
            body["stream"] = nil
        }
        return .object(body)
    }

    static func message(_ role: String, _ content: JSONValue) -> JSONValue {
        .object(["role": .string(role), "content": content])
    }

    static func contentPart(_ attachment: MediaAttachment) throws -> JSONValue {
        contentPart(kind: attachment.kind, mime: attachment.mime, data: try Data(contentsOf: URL(fileURLWithPath: attachment.path)))
    }

    /// The OpenAI content part for media bytes: `image_url` and `video_url` data URIs, `input_audio` base64.
    public static func contentPart(kind: MediaAttachment.Kind, mime: String, data: Data) -> JSONValue {
        let base64 = data.base64EncodedString()
        switch kind {
        case .image:
            return .object([
                "type": .string("image_url"),
                "image_url": .object(["url": .string("data:\(mime);base64,\(base64)")]),
            ])
        case .audio:
            let format = mime.split(separator: "/").last.map(String.init) ?? "wav"
            return .object([
                "type": .string("input_audio"),
                "input_audio": .object(["data": .string(base64), "format": .string(format == "mpeg" ? "mp3" : format)]),
            ])
        case .video:
            return .object([
                "type": .string("video_url"),
                "video_url": .object(["url": .string("data:\(mime);base64,\(base64)")]),
            ])
        }
    }
}
