import SaimaModel

/// The instructions appended to each item's prompt, per item type, in one place.
///
/// The version is stored with every result: change any text here and bump `version`, so that
/// results produced with different prompts are never mixed silently.
public enum PromptTemplates {
    /// Identifies the exact texts below.
    public static let version = "prompt-v1"

    /// The instruction for an item type (Chinese, since the contest is Chinese).
    public static func instruction(for type: ItemType) -> String {
        switch type {
        case .singleChoice: "请从以上选项中选出唯一正确的一项，并在回答的最后一行写出“答案：X”（X 为选项字母）。"
        case .multiChoice: "本题有两个或更多正确选项。请选出全部正确选项，并在回答的最后一行写出“答案：XY”（按字母顺序列出所有正确选项）。"
        case .trueFalse: "请判断上述说法是否正确，并在回答的最后一行写出“答案：正确”或“答案：错误”。"
        case .shortAnswer: "请直接给出简短答案，不要解释。"
        case .numeric: "请计算并在回答的最后一行写出“答案：数值”（只写数字，不带单位）。"
        case .generation: "请直接给出完整的回答。"
        case .extraction: "请从上述材料中抽取所要求的字段，只输出一个 JSON 对象，键为字段名，值为字符串。"
        }
    }

    /// Heading placed before cited or inline reference material.
    public static let contextHeading = "【参考材料】"
    /// Heading placed before the question when reference material precedes it.
    public static let questionHeading = "【问题】"
    /// Heading placed before the choices.
    public static let choicesHeading = "【选项】"
}
