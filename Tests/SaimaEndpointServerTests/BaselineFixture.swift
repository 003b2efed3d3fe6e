import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaModel
import SaimaRunner
import Testing

/// Items of every type put into requests by the runner's own `ChatRequestBuilder`, as a round sends them to the
/// baseline personas, and helpers to ask a server and read its reply.
enum BaselineFixture {
    static let builder = ChatRequestBuilder(track: Track(
        id: "t", name: LocalizedText(zh: "测试", en: "Test"), description: LocalizedText(zh: "", en: ""), weight: 1,
        questionSets: [], datasets: [], directories: []))

    static let capitals = [("A", "上海"), ("B", "北京"), ("C", "广州"), ("D", "深圳")].map { Choice(letter: $0, text: $1) }
    static let capitalContext = "北京是中华人民共和国的首都，也是全国的政治中心。"

    /// The capital question, numbered: the number changes its text and so its seed (`第11题` … for the flaky persona).
    static func capitalQuestion(_ prefix: String = "") -> Item {
        Item(id: "single", type: .singleChoice, prompt: prefix + "下列哪座城市是中国的首都？", choices: capitals,
             answer: .letters("B"), context: capitalContext)
    }

    static let items: [String: Item] = [
        "single": capitalQuestion(),
        "multi": Item(
            id: "multi", type: .multiChoice, prompt: "下列哪些城市是直辖市？",
            choices: [("A", "北京"), ("B", "上海"), ("C", "杭州"), ("D", "南京")].map { Choice(letter: $0, text: $1) },
            answer: .letters("AB"), context: "直辖市包括北京、上海、天津和重庆。"),
        "trueFalse": Item(id: "tf", type: .trueFalse, prompt: "长城全长约两万一千公里。", answer: .truth(true)),
        "trueFalseWithReference": Item(
            id: "tfr", type: .trueFalse, prompt: "长城位于北京。", answer: .truth(true),
            context: "长城是古代中国的军事防御工程，北京境内的八达岭长城最为著名。"),
        "numeric": Item(
            id: "num", type: .numeric, prompt: "一箱有 12 个苹果，买 3 箱后又送来 2.5 千克梨。共有多少个苹果？", answer: .number(36)),
        "extraction": Item(
            id: "ext", type: .extraction, prompt: "抽取合同的甲方和乙方。", answer: .fields(["甲方": .string("张三")]),
            context: "本合同由甲方张三与乙方李四于2024年签订。"),
        "short": Item(
            id: "short", type: .shortAnswer, prompt: "合同的甲方是谁？", answer: .texts(["张三"]),
            context: "本合同由甲方张三签订。乙方为李四。合同于2024年生效。"),
        "generation": Item(
            id: "gen", type: .generation, prompt: "请概述合同的主要内容。", answer: .texts(["租赁合同"]),
            context: "租金按月支付。合同由张三签订。合同的主要内容是租赁。乙方需按时回复。"),
    ]

    /// The request body the runner sends for `item` (model `m`).
    static func body(_ item: Item, stream: Bool = false) throws -> Data {
        let endpoint = EndpointSettings(baseURL: "http://unused/v1", model: "m")
        return try builder.request(for: item, endpoint: endpoint, stream: stream).body
    }

    /// A chat request as raw bytes, with `Authorization: Bearer <key>` when a key is given.
    static func chat(_ body: Data, key: String? = nil, path: String = "/v1/chat/completions") -> Data {
        var headers = [("Content-Type", "application/json")]
        if let key { headers.append(("Authorization", "Bearer \(key)")) }
        return RawHTTP.request("POST", path, headers: headers, body: body)
    }

    /// Asks `server` one chat request on a new connection.
    static func ask(_ server: LocalEndpointServer, _ body: Data, key: String? = nil) async throws -> RawResponse {
        try await ask(port: server.port, body, key: key)
    }

    /// Asks the server on `port` one chat request on a new connection.
    static func ask(port: Int, _ body: Data, key: String? = nil) async throws -> RawResponse {
        try #require(try await RawHTTP.send(port: port, chat(body, key: key)).response)
    }

    /// The first choice's message content of a chat completion body.
    static func content(_ response: RawResponse) -> String? {
        (try? JSONValue.parse(response.body))?["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue
    }
}
