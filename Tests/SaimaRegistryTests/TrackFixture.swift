import Foundation

/// Writes small track and submission trees into a fresh temporary folder.
struct TrackFixture {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "saima-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relative` under the fixture root, creating folders.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let path = (root as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    static let financeYAML = """
        id: finance
        name: {zh: 金融, en: Finance}
        description: {zh: 测试赛道, en: Test track}
        weight: 1.0
        question_sets:
          - id: credit
            file: questions/credit.jsonl
            pilot_unit: {zh: 测试银行, en: Test Bank}
            split: dev
            weight: 2.0
        datasets:
          - id: rules
            file: datasets/rules.md

        """

    static let creditItems = """
        {"id":"c1","type":"single_choice","prompt":"贷款利率？","choices":{"A":"一","B":"二","C":"三","D":"四"},"answer":"B","dataset":"rules","section":"s1"}
        {"id":"c2","type":"multi_choice","prompt":"哪些正确？","choices":{"A":"甲","B":"乙","C":"丙","D":"丁"},"answer":"ACD"}
        {"id":"c3","type":"true_false","prompt":"是否正确？","answer":true}
        {"id":"c4","type":"numeric","prompt":"本息合计？","answer":1050.5,"tolerance":0.001}

        """

    static let rulesMarkdown = """
        # 规则
        ## s1 利率
        年利率为百分之五。
        ## s2 期限
        最长三十年。
        """

    /// A valid `finance` track with one dev set under `<root>/<name>`.
    func writeValidFinance(rootName: String = "public") throws {
        try write("\(rootName)/finance/track.yaml", Self.financeYAML)
        try write("\(rootName)/finance/questions/credit.jsonl", Self.creditItems)
        try write("\(rootName)/finance/datasets/rules.md", Self.rulesMarkdown)
    }
}
