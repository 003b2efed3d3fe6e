public import SaimaModel

/// The instructions appended to each item's prompt, per item type, in one place.
///
/// The version is stored with every result: change any text here and bump `version`, so that
/// results produced with different prompts are never mixed silently.
public enum PromptTemplates {
    /// Identifies the exact texts below.
    /// v2: multi choice says "one or more" (不定项) unless the set promises at least two (`min_correct`); the
    /// final answer line is asked for plainly, on a line of its own, with nothing after it.
    public static let version = "prompt-v2"

    /// The instruction for an item (its type, and for multi choice its set's `min_correct`).
    public static func instruction(for item: Item) -> String {
        instruction(for: item.type, minimumCorrect: item.minimumCorrect)
    }

    /// The instruction for an item type (Chinese, since the contest is Chinese).
    public static func instruction(for type: ItemType, minimumCorrect: Int = 1) -> String {
        switch type {
        case .singleChoice: "请从以上选项中选出唯一正确的一项。回答的最后单独一行写“答案：X”（X 为选项字母），其后不要再写任何内容。"
        case .multiChoice:
            (minimumCorrect >= 2 ? "本题有两个或更多正确选项。" : "本题有一个或多个正确选项（不定项）。")
                + "请选出全部正确选项。回答的最后单独一行写“答案：XY”（按字母顺序列出所有正确选项的字母），其后不要再写任何内容。"
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
}
