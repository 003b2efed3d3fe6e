import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaPipeline
import Testing

/// `saima check-endpoint` (`EndpointCheck`, with its media and long-prompt probes) against real local endpoints: each
/// check's verdict and its bilingual explanation, word for word.
@Suite("Checking an endpoint (pipeline, directly)")
struct EndpointCheckTests {
    typealias Level = EndpointCheck.Finding.Level

    static let probe = "赛马评测中文往返测试"

    /// Replies by model: what it says when asked to repeat the probe, and to the choice question.
    static let replies: [String: (repeated: String, format: String)] = [
        "good": (probe, "分析略。\n答案：B"),
        "garbled": ("\u{E8}\u{B5}\u{83}\u{E9}\u{A9}\u{AC}", "这道题我无法判断。"),
        "loose": ("好的", "答案：无"),
        "guess": (probe, "看起来B说得通"),
    ]

    static let refusal = ChatCompletionJSON.error("unsupported content", type: "invalid_request_error")

    /// An endpoint whose model name picks its replies (`replies`); content parts (images, audio) get HTTP 400;
    /// `loose` sends no `usage`; only `good` streams (the others answer a streamed request with plain JSON).
    static func start() async throws -> LocalEndpointServer {
        try await LocalEndpointServer.start { request in
            let body = (try? JSONValue.parse(request.body)) ?? .null
            let model = body["model"]?.stringValue ?? ""
            guard let text = body["messages"]?.arrayValue?.last?["content"]?.stringValue else {
                return .json(400, refusal)
            }
            let (repeated, format) = replies[model] ?? ("", "")
            let reply = text.contains("请原样重复") ? repeated : text.contains("【参考材料】") ? "用于测试长上下文。" : format
            if body["stream"]?.boolValue == true, model == "good" {
                return .eventStream(events: ChatCompletionJSON.streamEvents(content: reply, model: model), delay: .zero)
            }
            let message: JSONValue = .object(["role": .string("assistant"), "content": .string(reply)])
            var completion: [String: JSONValue] = ["choices": .array([.object(["index": .number(0), "message": message])])]
            if model != "loose" {
                completion["usage"] = .object(["prompt_tokens": .number(3), "completion_tokens": .number(2)])
            }
            return .json(200, JSONValue.object(completion).canonicalJSON)
        }
    }

    /// A local server answers at once; the timeout is only a safety net, wide enough for a loaded 2-core machine (at
    /// 10 s a full parallel suite once saw the first request time out).
    static func endpoint(_ baseURL: String, model: String) -> EndpointSettings {
        EndpointSettings(baseURL: baseURL, model: model, timeoutSeconds: 60)
    }

    static func media(_ zh: String, _ kind: String) -> String {
        "你的端点不接受\(zh)输入（HTTP 400，http_4xx）：视听赛道的题目会全部失败；若只参加文本赛道可忽略。Your endpoint does not accept "
            + "\(kind) input (OpenAI content parts): every audiovisual item will fail; ignore this if you enter text tracks only. "
            + "Reply: \(refusal)"
    }

    /// A well-behaved endpoint passes every check, streaming included; refused images and audio are warnings that
    /// say what will fail and show the reply; the long prompt's size (214 × 29 characters) is stated.
    @Test func aGoodEndpointPassesAndMediaRefusalsAreWarnings() async throws {
        let server = try await Self.start()
        let findings = await EndpointCheck.run(
            endpoint: Self.endpoint(server.baseURL, model: "good"), apiKey: nil, stream: true)
        await server.stop()
        #expect(findings.map(\.check) == [
            "chat completion 对话补全", "usage 用量", "Chinese 中文往返", "answer format 答案格式", "image input 图像输入",
            "audio input 音频输入", "long prompt 长提示", "streaming 流式",
        ])
        #expect(findings.map(\.level) == [.ok, .ok, .ok, .ok, .warning, .warning, .ok, .ok])
        try #require(findings.count == 8)
        #expect(findings[0].message.hasPrefix("HTTP 200 in ") && findings[0].message.hasSuffix(" ms 成功"))
        #expect(findings[7].message.hasPrefix("HTTP 200 in ") && findings[7].message.hasSuffix(" ms 成功"))
        #expect(findings[1...6].map(\.message) == [
            "usage present 含用量统计", "中文原样往返 Chinese round-trips intact",
            "答案可读：读出 B（规则 answer_line）。The answer reads as B (rule answer_line).",
            Self.media("图像", "image"), Self.media("音频", "audio"), "6206 字的提示可以处理 a 6206-character prompt works",
        ])
        #expect(findings[1].line == "✔ usage 用量: usage present 含用量统计")
        #expect(findings[4].line == "! image input 图像输入: " + Self.media("图像", "image"))
    }

    /// Mojibake is an error, a paraphrased probe a warning, a missing `usage` a warning; an answer that cannot be
    /// read, a declined answer line and a guessed letter are warnings that quote the reply's end; a streamed request
    /// answered without server-sent events is an error.
    @Test(arguments: [
        ("garbled", Level.ok, Level.error,
         "回复中的中文出现乱码（替换字符或 Latin-1 误解码），请检查服务端的 UTF-8 编码。Chinese came back garbled (replacement characters or "
            + "Latin-1 mojibake): check the server's UTF-8 handling.",
         "读不出答案，将记为无法抽取、计 0 分；请在回答最后单独一行写“答案：X”。No answer could be read (scored 0 as unextractable); end "
            + "each reply with a line 答案：X. Reply end: 这道题我无法判断。"),
        ("loose", Level.warning, Level.warning,
         "模型没有原样重复中文测试句（可能是模型本身的行为，而非编码问题）。The model did not repeat the Chinese probe exactly (may be the "
            + "model, not the encoding).",
         "最后的答案行没有给出选项字母（“无”），将记为无法抽取；请写“答案：X”。The final answer line names no choice and scores as "
            + "unextractable; write 答案：X. Reply end: 答案：无"),
        ("guess", Level.ok, Level.ok, "中文原样往返 Chinese round-trips intact",
         "答案读取存疑（规则 stray_letter，guessed by rule stray_letter 由弱规则猜测），将交由评委复核；请在回答最后单独一行写“答案：X”。"
            + "The reading is uncertain (rule stray_letter; guessed by rule stray_letter 由弱规则猜测) and goes to a second reader; end "
            + "each reply with a line 答案：X. Reply end: 看起来B说得通"),
    ])
    func problemsAreExplained(
        model: String, usage: Level, chinese: Level, chineseMessage: String, format: String
    ) async throws {
        let server = try await Self.start()
        let findings = await EndpointCheck.run(
            endpoint: Self.endpoint(server.baseURL, model: model), apiKey: nil, stream: true)
        await server.stop()
        try #require(findings.count == 8)
        #expect(findings[1].level == usage)
        #expect(findings[1].message == (usage == .ok ? "usage present 含用量统计"
            : "回复中没有 usage 字段，报告将无法统计 token 用量。The reply has no `usage`; token counts will be missing from reports."))
        #expect(findings[2].level == chinese && findings[2].message == chineseMessage)
        #expect(findings[3].level == .warning && findings[3].message == format)
        #expect(findings[7].level == .error && findings[7].check == "streaming 流式")
        #expect(findings[7].message == "流式回复不是合法的 SSE（需要 data: 事件并以 data: [DONE] 结束）：stream ended without [DONE]。"
            + "The streamed reply is not valid server-sent events ending with `data: [DONE]`.")
    }

    /// An endpoint that wants a key: without one the single finding says to name the key's variable; with a wrong
    /// one it says the key was rejected. No further check runs after a failed first request.
    @Test func aRefusedKeyIsExplained() async throws {
        let server = try await BaselineServer.start(persona: .firstChoice, port: 0, requiredKey: "secret")
        let endpoint = Self.endpoint(server.baseURL, model: "first-choice-baseline")
        let none = await EndpointCheck.run(endpoint: endpoint, apiKey: nil, stream: false)
        let wrong = await EndpointCheck.run(endpoint: endpoint, apiKey: "guess", stream: false)
        await server.stop()
        #expect(none.map(\.line) == [
            "✘ chat completion 对话补全: 接口要求鉴权（HTTP 401），但没有提供密钥：请用 --api-key-env 指定保存密钥的环境变量。The endpoint "
                + "wants a key (HTTP 401) and none was sent: name the variable that holds it with --api-key-env."
        ])
        #expect(wrong.map(\.line) == ["✘ chat completion 对话补全: 密钥被拒绝（HTTP 401）。The key was rejected (HTTP 401)."])
    }

    /// What each failure class means, as `check-endpoint` and the self-test print it.
    @Test(arguments: [
        (Outcome.ok, 200, String?.none, "成功 ok"),
        (.connectError, 0, "refused",
         "无法连接 http://127.0.0.1:9/v1：服务是否已启动、地址和端口是否正确？Cannot connect (refused): is the server running, are the URL and port right?"),
        (.timeout, 0, nil, "请求超时（7 秒）。The request timed out after 7 s."),
        (.http4xx, 403, nil, "密钥被拒绝（HTTP 403）。The key was rejected (HTTP 403)."),
        (.http4xx, 404, nil,
         "客户端错误 HTTP 404：检查 base_url 是否以 /v1 结尾、模型名 m 是否正确。Client error HTTP 404: check that base_url ends in /v1 and the model name. Body: nope"),
        (.rateLimited, 429, nil, "服务端返回 HTTP 429。The server answered HTTP 429. Body: nope"),
        (.http5xx, 503, nil, "服务端返回 HTTP 503。The server answered HTTP 503. Body: nope"),
        (.tooLarge, 200, nil, "回复超过大小上限。The reply exceeded the response size cap."),
        (.cutOff, 0, nil, "未发送（连续失败后被切断）。Not sent (cut off after consecutive failures)."),
        (.malformed, 200, "no choices",
         "回复不是合法的 chat completion（no choices）：需要 JSON，且 choices[0].message.content 为字符串。Not a valid chat completion (no choices): "
            + "JSON with a string choices[0].message.content is required. Body: nope"),
    ])
    func failureExplanations(outcome: Outcome, status: Int, detail: String?, expected: String) {
        let endpoint = EndpointSettings(baseURL: "http://127.0.0.1:9/v1", model: "m", timeoutSeconds: 7)
        #expect(EndpointCheck.explanation(
            outcome: outcome, status: status, detail: detail, body: "nope", endpoint: endpoint, keyGiven: true) == expected)
    }
}
