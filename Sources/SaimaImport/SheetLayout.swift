import SaimaBase
import Foundation
import Yams

/// The columns of a question sheet. The **default layout** recognises these headers (case and spaces
/// ignored), in Chinese or English, in any order:
///
/// | field | headers |
/// |---|---|
/// | `id` | id 编号 题号 序号 |
/// | `type` | type 题型 类型 (单选 多选 不定项 判断 数值 计算 简答 填空 问答 写作 抽取, or the English type names) |
/// | `prompt` | prompt question 题目 题干 问题 试题 |
/// | `A`…`H` | A 选项A A选项 option A |
/// | `answer` | answer 答案 参考答案 正确答案 标准答案 |
/// | `explanation` | explanation analysis 解析 答案解析 |
/// | `tags` | tags 标签 知识点 (separated by `,` `，` `、` `;`) |
/// | `difficulty` | difficulty 难度 |
/// | `context` | context 材料 参考材料 阅读材料 |
/// | `tolerance` | tolerance 容差 |
/// | `keywords` | keywords 关键词 要点 得分要点 (key points separated by `;` `；`, alternatives by `|`) |
/// | `rubric` | rubric 评分标准 评分细则 (criteria separated by `;` `；`, each `描述:分值`) |
/// | `attachments` | attachments 附件 (file paths inside the track folder, `image:` `audio:` `video:` prefixes optional) |
///
/// The header row is the first of a sheet's first 10 rows in which `prompt` and at least one other field are
/// found (title rows above it, merged or not, are skipped). A **mapping file** (`--mapping MAP.yaml`) names other
/// headers: `columns: {prompt: 题干内容, A: 选项一, answer: 正确选项}` and optionally `header_row: 3` (1-based).
package struct SheetLayout: Sendable {
    package static let aliases: [(field: String, names: [String])] = [
        ("id", ["id", "编号", "题号", "序号", "题目编号"]),
        ("type", ["type", "题型", "类型", "题目类型"]),
        ("prompt", ["prompt", "question", "题目", "题干", "问题", "试题"]),
        ("answer", ["answer", "答案", "参考答案", "正确答案", "标准答案"]),
        ("explanation", ["explanation", "analysis", "解析", "答案解析"]),
        ("tags", ["tags", "标签", "知识点"]),
        ("difficulty", ["difficulty", "难度"]),
        ("context", ["context", "材料", "参考材料", "阅读材料"]),
        ("tolerance", ["tolerance", "容差"]),
        ("keywords", ["keywords", "关键词", "要点", "得分要点"]),
        ("rubric", ["rubric", "评分标准", "评分细则"]),
        ("attachments", ["attachments", "附件"]),
    ] + optionAliases

    static let optionAliases: [(field: String, names: [String])] = ["A", "B", "C", "D", "E", "F", "G", "H"].map { (l: String) in
        let x = l.lowercased()
        let names: [String] = [x, "选项" + x, x + "选项", "option" + x, "option_" + x]
        return (field: l, names: names)
    }

    /// Headers named by a mapping file, by field.
    package var custom: [String: String] = [:]
    /// A fixed 1-based header row from the mapping file.
    var headerRow: Int?

    package init() {}

    /// Reads a mapping file; problems are `path:line: message`.
    package init(mappingFile path: String) throws(SheetError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw SheetError(path, "cannot read the mapping file") }
        guard let node = try? Yams.compose(yaml: text), case .mapping(let m) = node else {
            throw SheetError(path, "the mapping file must be a YAML mapping with `columns`")
        }
        for (k, v) in m {
            switch k.string {
            case "columns":
                guard case .mapping(let columns) = v else { throw SheetError("\(path):\(v.mark?.line ?? 0)", "`columns` must map fields to headers") }
                for (field, header) in columns {
                    guard let f = field.string, Self.aliases.contains(where: { $0.field == f }), let h = header.string else {
                        throw SheetError("\(path):\(field.mark?.line ?? 0)", "unknown field `\(field.string ?? "?")` (known: \(Self.aliases.map(\.field).joined(separator: ", ")))")
                    }
                    custom[f] = h
                }
            case "header_row":
                guard let n = v.int, n >= 1, n <= 1000 else { throw SheetError("\(path):\(v.mark?.line ?? 0)", "`header_row` must be a row number") }
                headerRow = n
            default:
                throw SheetError("\(path):\(k.mark?.line ?? 0)", "unknown key `\(k.string ?? "?")` (known: columns, header_row)")
            }
        }
    }

    static func normalized(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased().filter { !$0.isWhitespace && $0 != "*" && $0 != "：" && $0 != ":" }
    }

    /// The field of a header cell, if any.
    func field(of header: String) -> String? {
        let h = Self.normalized(header)
        guard !h.isEmpty else { return nil }
        if let f = custom.first(where: { Self.normalized($0.value) == h })?.key { return f }
        return Self.aliases.first { $0.names.contains(h) }?.field
    }

    /// The header row index (0-based) and field → column, or nil when the sheet has no header row.
    func header(of sheet: Sheet) -> (row: Int, columns: [String: Int])? {
        let candidates = headerRow.map { [$0 - 1] } ?? Array(0..<min(10, sheet.rows.count))
        for r in candidates where r < sheet.rows.count {
            var columns: [String: Int] = [:]
            for (c, cell) in sheet.rows[r].enumerated() {
                if let f = field(of: cell), columns[f] == nil { columns[f] = c }
            }
            if columns["prompt"] != nil, columns.count >= 2 { return (r, columns) }
        }
        return nil
    }
}

package import SaimaSheets
