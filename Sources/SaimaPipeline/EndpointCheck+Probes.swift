import Foundation
import SaimaBase
import SaimaModel
import SaimaRunner

/// Probes for what contestants' tracks need beyond plain text: image and audio content parts (the audiovisual
/// track) and a long prompt (tracks that inline reference material). A refusal is explained, not just shown.
extension EndpointCheck {
    /// A white 1×1 PNG.
    static let probePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")!

    /// 0.1 s of silence, 8 kHz 16-bit mono WAV.
    static var probeWAV: Data {
        let samples = 800
        var d = Data("RIFF".utf8)
        func le32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        func le16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { d.append(contentsOf: $0) } }
        le32(UInt32(36 + samples * 2))
        d.append(contentsOf: Array("WAVEfmt ".utf8))
        le32(16); le16(1); le16(1); le32(8000); le32(16000); le16(2); le16(16)
        d.append(contentsOf: Array("data".utf8))
        le32(UInt32(samples * 2))
        d.append(Data(count: samples * 2))
        return d
    }

    /// Characters in the long-prompt probe (about the longest reference material a bundled track inlines).
    static let longPromptCharacters = 6000

    static func mediaAndLengthProbes(
        _ transport: CurlMultiTransport, endpoint: EndpointSettings, apiKey: String?
    ) async -> [Finding] {
        var findings: [Finding] = []
        let media: [(MediaAttachment.Kind, String, Data, String, String)] = [
            (.image, "image/png", probePNG, "image input 图像输入", "图像"),
            (.audio, "audio/wav", probeWAV, "audio input 音频输入", "音频"),
        ]
        for (kind, mime, data, check, zh) in media {
            let content: JSONValue = .array([
                .object(["type": .string("text"), "text": .string("请用一句话描述附件。Describe the attachment in one sentence.")]),
                ChatRequestBuilder.contentPart(kind: kind, mime: mime, data: data),
            ])
            let request = HTTPRequest.chatCompletion(
                endpoint: endpoint, apiKey: apiKey, messages: [.object(["role": .string("user"), "content": content])],
                stream: false, maxResponseBytes: 4 << 20)
            let result = await transport.send(request, streaming: false)
            let outcome = ChatResponseParser.classify(result, streamed: false)
            if outcome.outcome == .ok {
                findings.append(Finding(level: .ok, check: check, message: "接受\(zh)输入 accepts \(kind.rawValue) content parts"))
            } else {
                let body = String(decoding: result.body.prefix(160), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
                findings.append(Finding(
                    level: .warning, check: check,
                    message: "你的端点不接受\(zh)输入（HTTP \(result.status)，\(outcome.outcome.rawValue)）：视听赛道的题目会全部失败；若只参加文本赛道可忽略。"
                        + "Your endpoint does not accept \(kind.rawValue) input (OpenAI content parts): every audiovisual item will fail; "
                        + "ignore this if you enter text tracks only. Reply: \(body)"))
            }
        }
        let filler = String(repeating: "本段为长上下文测试材料，用于确认接口能处理较长的参考资料。", count: longPromptCharacters / 28)
        let long = await call(
            transport, endpoint: endpoint, apiKey: apiKey,
            prompt: "【参考材料】\n\(filler)\n\n【问题】\n上面的材料是用来测试什么的？请用一句话回答。", stream: false)
        if long.1.outcome == .ok {
            findings.append(Finding(level: .ok, check: "long prompt 长提示", message: "\(filler.count) 字的提示可以处理 a \(filler.count)-character prompt works"))
        } else {
            findings.append(Finding(
                level: .warning, check: "long prompt 长提示",
                message: "约 \(filler.count) 字的提示失败（HTTP \(long.0.status)，\(long.1.outcome.rawValue)）：引用长参考资料的题目可能失败，请检查上下文长度。"
                    + "A prompt of about \(filler.count) characters failed; items that inline long reference material may fail: check the context length."))
        }
        return findings
    }
}
