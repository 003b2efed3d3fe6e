import SaimaBase
package import SaimaModel

/// The judge's prompts, versioned: the version is stored with every verdict and is part of the
/// cache key, so a changed prompt never reuses old verdicts.
package enum JudgeTemplates {
    package static let pointwiseVersion = "judge-pointwise-v1"
    static let pairwiseVersion = "judge-pairwise-v1"

    static let system = "你是严格、公正的行业评审专家，只依据题目、参考答案和评分细则评分。You are a strict, fair expert judge: grade only by the question, the reference answer and the rubric."

    /// The pointwise prompt: question, reference answer (if any), rubric criteria with points, and the answer.
    package static func pointwise(question: String, reference: String?, rubric: Rubric, answer: String) -> String {
        var text = "【题目 Question】\n\(question)\n\n"
        if let reference, !reference.isEmpty { text += "【参考答案 Reference answer】\n\(reference)\n\n" }
        text += "【评分细则 Rubric】\n"
        for c in rubric.criteria {
            text += "- \(c.id)（满分 \(JSONValue.format(number: c.points)) 分 / max \(JSONValue.format(number: c.points)) points）：\(c.description)\n"
        }
        text += "\n【考生回答 Answer to grade】\n<<<\n\(answer)\n>>>\n\n"
        text += "请逐条给分（0 到该条满分，可为小数），并简要说明理由。只输出一个 JSON 对象，不要输出其他内容：\n"
        text += "Grade each criterion (0 to its maximum) with a short justification. Output only one JSON object:\n"
        let example = rubric.criteria.map { "{\"id\":\"\($0.id)\",\"points\":0,\"justification\":\"...\"}" }.joined(separator: ",")
        text += "{\"criteria\":[\(example)],\"comment\":\"...\"}"
        return text
    }

    /// The request to try again after an invalid verdict.
    static func reask(problem: String) -> String {
        "上一次输出不符合要求：\(problem)。请只输出符合格式的 JSON 对象。Your last output was invalid: \(problem). Output only the JSON object in the required format."
    }

    /// The pairwise prompt: which of two answers to the same question is better.
    package static func pairwise(question: String, reference: String?, first: String, second: String) -> String {
        var text = "【题目 Question】\n\(question)\n\n"
        if let reference, !reference.isEmpty { text += "【参考答案 Reference answer】\n\(reference)\n\n" }
        text += "【回答 A / Answer A】\n<<<\n\(first)\n>>>\n\n【回答 B / Answer B】\n<<<\n\(second)\n>>>\n\n"
        text += "哪个回答更好？不要因回答的先后顺序或长度而偏向任何一方。只输出一个 JSON 对象："
        text += "Which answer is better? Do not favour either for its position or length. Output only one JSON object:\n"
        text += "{\"winner\":\"A\" | \"B\" | \"tie\",\"reason\":\"...\"}"
        return text
    }
}
