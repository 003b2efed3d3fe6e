import Foundation
import SaimaBase
import SaimaModel
import SaimaRunner
import Testing

@Suite("Chat request building")
struct RequestBuildingTests {
    static func track(attachmentPath: String? = nil) -> (Track, Item) {
        let dataset = DatasetDocument(
            id: "guide", file: "guide.md", path: "", description: nil, text: "## s1 条件\n须年满十八岁。\n## s2 材料\n身份证。",
            sections: ["s1": "## s1 条件\n须年满十八岁。", "s2": "## s2 材料\n身份证。"])
        var attachments: [MediaAttachment] = []
        if let attachmentPath {
            attachments = [MediaAttachment(kind: .image, file: "a.png", mime: "image/png", path: attachmentPath)]
        }
        let item = Item(
            id: "q1", type: .singleChoice, prompt: "办理需要满足什么条件？", system: "你是政务助手。",
            choices: [Choice(letter: "A", text: "年满十八岁"), Choice(letter: "B", text: "无条件")], answer: .letters("A"),
            citation: DatasetCitation(dataset: "guide", section: "s1"),
            messages: [ChatTurn(role: "user", content: "你好"), ChatTurn(role: "assistant", content: "您好")],
            attachments: attachments)
        let set = QuestionSet(
            id: "s", trackID: "t", file: "", path: "", trackDirectory: "", pilotUnit: LocalizedText(zh: "x", en: "x"),
            split: .dev, weight: 1, items: [item], contentHash: "")
        return (Track(id: "t", name: LocalizedText(zh: "x", en: "x"), description: LocalizedText(zh: "", en: ""), weight: 1,
                      questionSets: [set], datasets: [dataset], directories: []), item)
    }

    @Test func laysOutSystemHistoryReferenceChoicesAndInstruction() throws {
        let (track, item) = Self.track()
        let builder = ChatRequestBuilder(track: track)
        let endpoint = EndpointSettings(
            baseURL: "http://x/v1", model: "m", extraBody: ["temperature": .number(0), "model": .string("evil")])
        let (data, hash) = try builder.request(for: item, endpoint: endpoint, stream: false)
        let body = try JSONValue.parse(data)
        #expect(body["model"] == .string("m"))  // extra_body cannot replace the model
        #expect(body["temperature"] == .number(0))
        #expect(body["stream"] == nil)
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue } == ["system", "user", "assistant", "user"])
        let user = try #require(messages[3]["content"]?.stringValue)
        #expect(user.hasPrefix("【参考材料】\n## s1 条件\n须年满十八岁。\n\n【问题】\n办理需要满足什么条件？"))
        #expect(user.contains("A. 年满十八岁\nB. 无条件"))
        #expect(!user.contains("身份证"))  // only the cited section
        #expect(user.hasSuffix(PromptTemplates.instruction(for: .singleChoice)))
        #expect(hash == SHA256Digest.hex(JSONValue.array(messages).canonicalJSON))
        #expect(body == (try builder.body(for: item, endpoint: endpoint, stream: false)))
    }

    @Test func attachmentsBecomeContentParts() throws {
        let path = NSTemporaryDirectory() + "saima-\(UUID().uuidString).png"
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (track, item) = Self.track(attachmentPath: path)
        let body = try ChatRequestBuilder(track: track).body(
            for: item, endpoint: EndpointSettings(baseURL: "http://x/v1", model: "m"), stream: true)
        #expect(body["stream"] == .bool(true))
        let parts = try #require(body["messages"]?.arrayValue?.last?["content"]?.arrayValue)
        #expect(parts[0]["type"] == .string("text"))
        #expect(parts[1]["image_url"]?["url"] == .string("data:image/png;base64,iVBORw=="))
    }
}

/// The answer-format instructions contestants' models see.
struct PromptTemplateTests {
    @Test func multiChoiceInstructionClaimsTwoOrMoreOnlyWhenTheSetSaysSo() {
        let open = PromptTemplates.instruction(for: .multiChoice)
        #expect(open.contains("一个或多个正确选项（不定项）"))
        #expect(!open.contains("两个或更多"))
        #expect(PromptTemplates.instruction(for: .multiChoice, minimumCorrect: 2).contains("两个或更多正确选项"))
    }

    @Test func choiceInstructionsAskForAFinalAnswerLine() {
        for type in [ItemType.singleChoice, .multiChoice] {
            #expect(PromptTemplates.instruction(for: type).contains("最后单独一行写“答案："))
        }
    }
}
