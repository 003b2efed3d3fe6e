import Foundation
import SaimaBase
import SaimaModel

/// Reading answers as people and benchmarks write them.
enum AnswerText {
    /// Letters from a cell (`ChoiceLetters`).
    static func letters(_ raw: String, offered: [String]) -> String? { ChoiceLetters.parse(raw, offered: offered) }

    /// `对 错 正确 错误 是 否 √ × T F TRUE FALSE Y N` (and Excel's TRUE/FALSE cells).
    static func truth(_ raw: String) -> Bool? {
        let t = raw.trimmedSpaces.lowercased()
        if ["对", "正确", "是", "√", "✓", "t", "true", "y", "yes"].contains(t) { return true }
        if ["错", "错误", "否", "×", "✗", "f", "false", "n", "no"].contains(t) { return false }
        return nil
    }

    /// A plain number (`72`, `3.5`, `1,200`, `-2`); nil for anything else.
    static func number(_ raw: String) -> Double? {
        let t = raw.trimmedSpaces.replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.allSatisfy({ "0123456789.-+eE".contains($0) }), let v = Double(t), v.isFinite else { return nil }
        return v
    }

    /// The item type for a type cell: English names or the Chinese exam names.
    static func type(_ raw: String) -> ItemType? {
        let t = raw.trimmedSpaces.lowercased()
        if let exact = ItemType(rawValue: t) { return exact }
        let names: [(ItemType, [String])] = [
            (.multiChoice, ["多选", "多选题", "不定项", "不定项选择", "不定项选择题", "多项选择", "多项选择题", "multiple"]),
            (.singleChoice, ["单选", "单选题", "单项选择", "单项选择题", "选择", "选择题", "single", "choice"]),
            (.trueFalse, ["判断", "判断题", "是非题", "truefalse", "true/false"]),
            (.numeric, ["数值", "数值题", "计算", "计算题", "numeric", "number"]),
            (.shortAnswer, ["简答", "简答题", "填空", "填空题", "short"]),
            (.generation, ["问答", "问答题", "论述", "论述题", "写作", "作文", "生成", "开放题"]),
            (.extraction, ["抽取", "信息抽取", "抽取题"]),
        ]
        return names.first { $0.1.contains(t) }?.0
    }
}
