import SaimaBase
import Foundation
package import SaimaModel
import SaimaRunner
import SaimaScoring

/// A protocol check of an OpenAI-compatible endpoint before a contestant enters it, with each
/// problem explained in plain words (Chinese and English).
package enum EndpointCheck {
    package struct Finding: Sendable {
        package enum Level: String, Sendable { case ok, warning, error }
        package var level: Level
        package var check: String
        package var message: String

        /// The finding as one line: `✔`, `!` or `✘`, the check, its bilingual message.
        package var line: String { "\(level == .ok ? "✔" : level == .warning ? "!" : "✘") \(check): \(message)" }
    }

    static let probe = "赛马评测中文往返测试"

    package static func run(endpoint: EndpointSettings, apiKey: String?, stream: Bool) async -> [Finding] {
        let transport = CurlMultiTransport()
        defer { transport.shutdown() }
        var findings: [Finding] = []
        let prompt = "请原样重复以下文字，不要添加任何其他内容：\(probe)"
        let first = await call(transport, endpoint: endpoint, apiKey: apiKey, prompt: prompt, stream: false)
        findings += explain(first, check: "chat completion 对话补全", endpoint: endpoint, apiKey: apiKey)
        if first.1.outcome == .ok {
            if first.1.usage == nil {
                findings.append(Finding(level: .warning, check: "usage 用量",
                    message: "回复中没有 usage 字段，报告将无法统计 token 用量。The reply has no `usage`; token counts will be missing from reports."))
            } else {
                findings.append(Finding(level: .ok, check: "usage 用量", message: "usage present 含用量统计"))
            }
            findings.append(chineseRoundTrip(first.1.content ?? ""))
            let reply = await call(transport, endpoint: endpoint, apiKey: apiKey, prompt: formatProbePrompt, stream: false)
            if reply.1.outcome == .ok { findings.append(answerFormat(reply.1.content ?? "")) }
            findings += await mediaAndLengthProbes(transport, endpoint: endpoint, apiKey: apiKey)
        }
        if stream {
            let streamed = await call(transport, endpoint: endpoint, apiKey: apiKey, prompt: prompt, stream: true)
            var f = explain(streamed, check: "streaming 流式", endpoint: endpoint, apiKey: apiKey)
            if streamed.1.outcome == .malformed {
                f = [Finding(level: .error, check: "streaming 流式",
                    message: "流式回复不是合法的 SSE（需要 data: 事件并以 data: [DONE] 结束）：\(streamed.1.detail ?? "")。The streamed reply is not valid server-sent events ending with `data: [DONE]`.")]
            }
            findings += f
        }
        return findings
    }

    static func call(_ transport: CurlMultiTransport, endpoint: EndpointSettings, apiKey: String?, prompt: String,
                     stream: Bool) async -> (HTTPResult, AttemptOutcome)
    {
        let request = HTTPRequest.chatCompletion(
            endpoint: endpoint, apiKey: apiKey, messages: [.object(["role": .string("user"), "content": .string(prompt)])],
            stream: stream, maxResponseBytes: 4 << 20)
        let result = await transport.send(request, streaming: stream)
        return (result, ChatResponseParser.classify(result, streamed: stream))
    }

    static func explain(_ exchange: (HTTPResult, AttemptOutcome), check: String, endpoint: EndpointSettings,
                        apiKey: String?) -> [Finding]
    {
        let (result, outcome) = exchange
        if outcome.outcome == .ok {
            return [Finding(level: .ok, check: check, message: String(format: "HTTP 200 in %.0f ms 成功", result.totalSeconds * 1000))]
        }
        let body = String(decoding: result.body.prefix(200), as: UTF8.self)
        return [Finding(level: .error, check: check, message: explanation(
            outcome: outcome.outcome, status: result.status, detail: outcome.detail, body: body, endpoint: endpoint,
            keyGiven: apiKey != nil))]
    }

    /// What a failed request means and what to do, in Chinese and English — the same words for `check-endpoint`
    /// and for the failures a self-test lists.
    package static func explanation(
        outcome: Outcome, status: Int, detail: String?, body: String, endpoint: EndpointSettings, keyGiven: Bool
    ) -> String {
        switch outcome {
        case .ok:
            return "成功 ok"
        case .connectError:
            return "无法连接 \(endpoint.baseURL)：服务是否已启动、地址和端口是否正确？Cannot connect (\(detail ?? "")): is the server running, are the URL and port right?"
        case .timeout:
            return "请求超时（\(Int(endpoint.timeoutSeconds)) 秒）。The request timed out after \(Int(endpoint.timeoutSeconds)) s."
        case .http4xx where status == 401 || status == 403:
            return keyGiven
                ? "密钥被拒绝（HTTP \(status)）。The key was rejected (HTTP \(status))."
                : "接口要求鉴权（HTTP \(status)），但没有提供密钥：请用 --api-key-env 指定保存密钥的环境变量。The endpoint wants a key (HTTP \(status)) and none was sent: name the variable that holds it with --api-key-env."
        case .http4xx:
            return "客户端错误 HTTP \(status)：检查 base_url 是否以 /v1 结尾、模型名 \(endpoint.model) 是否正确。Client error HTTP \(status): check that base_url ends in /v1 and the model name. Body: \(body)"
        case .http5xx, .rateLimited:
            return "服务端返回 HTTP \(status)。The server answered HTTP \(status). Body: \(body)"
        case .tooLarge:
            return "回复超过大小上限。The reply exceeded the response size cap."
        case .cutOff:
            return "未发送（连续失败后被切断）。Not sent (cut off after consecutive failures)."
        case .malformed:
            return "回复不是合法的 chat completion（\(detail ?? "")）：需要 JSON，且 choices[0].message.content 为字符串。Not a valid chat completion (\(detail ?? "")): JSON with a string choices[0].message.content is required. Body: \(body)"
        }
    }

    /// A choice question written for this check, asked with the round's own instruction.
    static let formatProbe = Item(
        id: "format-probe", type: .singleChoice,
        prompt: "在“赛马”评测中，各参赛队的模型回答同一批题目，再按成绩排名。下列哪一项最能概括这种做法？",
        choices: [("A", "抽签决定名次"), ("B", "同题比较、择优选用"), ("C", "只看宣传材料"), ("D", "由一家单位指定")]
            .map { Choice(letter: $0.0, text: $0.1) },
        answer: .letters("B"))

    static var formatProbePrompt: String {
        formatProbe.prompt + "\n\n" + formatProbe.choices.map { "\($0.letter). \($0.text)" }.joined(separator: "\n")
            + "\n\n" + PromptTemplates.instruction(for: formatProbe)
    }

    /// Whether the official scorer can read the reply to a choice question, and by which rule.
    static func answerFormat(_ reply: String) -> Finding {
        let check = "answer format 答案格式"
        let tail = reply.count > 120 ? "…" + String(reply.suffix(120)) : reply
        let assessment = ChoiceAnswerExtractor(item: formatProbe).assess(reply, prompt: formatProbePrompt)
        switch assessment.reading {
        case .answer(let a) where assessment.confidence == .uncertain:
            return Finding(level: .warning, check: check,
                message: "答案读取存疑（规则 \(a.rule.rawValue)，\(assessment.doubt ?? "")），将交由评委复核；请在回答最后单独一行写“答案：X”。The reading is uncertain (rule \(a.rule.rawValue); \(assessment.doubt ?? "")) and goes to a second reader; end each reply with a line 答案：X. Reply end: \(tail)")
        case .answer(let a) where a.rule.strength != .weak:
            return Finding(level: .ok, check: check,
                message: "答案可读：读出 \(a.answer)（规则 \(a.rule.rawValue)）。The answer reads as \(a.answer) (rule \(a.rule.rawValue)).")
        case .answer(let a):
            return Finding(level: .warning, check: check,
                message: "答案只能靠猜测读取（规则 \(a.rule.rawValue)），请在回答最后单独一行写“答案：X”。The answer was only guessed (rule \(a.rule.rawValue)); end each reply with a line 答案：X. Reply end: \(tail)")
        case .declined(let line):
            return Finding(level: .warning, check: check,
                message: "最后的答案行没有给出选项字母（“\(line)”），将记为无法抽取；请写“答案：X”。The final answer line names no choice and scores as unextractable; write 答案：X. Reply end: \(tail)")
        case .none:
            return Finding(level: .warning, check: check,
                message: "读不出答案，将记为无法抽取、计 0 分；请在回答最后单独一行写“答案：X”。No answer could be read (scored 0 as unextractable); end each reply with a line 答案：X. Reply end: \(tail)")
        }
    }

    /// Chinese text must survive the round trip: valid UTF-8 (already checked), no replacement
    /// characters, no Latin-1 mojibake, and ideally the probe repeated.
    static func chineseRoundTrip(_ content: String) -> Finding {
        let mojibake = content.contains("\u{FFFD}") || content.range(of: "[\u{00C0}-\u{00FF}][\u{0080}-\u{00BF}]", options: .regularExpression) != nil
        if mojibake {
            return Finding(level: .error, check: "Chinese 中文往返",
                message: "回复中的中文出现乱码（替换字符或 Latin-1 误解码），请检查服务端的 UTF-8 编码。Chinese came back garbled (replacement characters or Latin-1 mojibake): check the server's UTF-8 handling.")
        }
        if !content.contains(probe) {
            return Finding(level: .warning, check: "Chinese 中文往返",
                message: "模型没有原样重复中文测试句（可能是模型本身的行为，而非编码问题）。The model did not repeat the Chinese probe exactly (may be the model, not the encoding).")
        }
        return Finding(level: .ok, check: "Chinese 中文往返", message: "中文原样往返 Chinese round-trips intact")
    }
}
