extension ReportHTML {
    /// Items with variants: each variant's answers and mean score, items with the widest spread between variants first,
    /// so that a badly written variant (much harder or easier than its siblings) is seen.
    static func variants(_ data: ReportData) -> String {
        guard !data.variants.isEmpty else { return "" }
        let byItem = Dictionary(grouping: data.variants, by: \.item)
        func spread(_ lines: [ReportData.VariantLine]) -> Double {
            (lines.map(\.meanScore).max() ?? 0) - (lines.map(\.meanScore).min() ?? 0)
        }
        let items = byItem.keys.sorted { (spread(byItem[$0]!), $1) > (spread(byItem[$1]!), $0) }
        var html = "<table><tr><th>题目 Item</th><th>变体 Variant</th><th>回答数 Answers</th><th>平均得分 Mean score</th>"
        html += "<th>变体间差距 Spread</th></tr>"
        for item in items {
            let lines = byItem[item]!.sorted { $0.variant < $1.variant }
            let s = spread(lines)
            for (n, l) in lines.enumerated() {
                html += "<tr><td>\(n == 0 ? "<code>\(e(item))</code>" : "")</td>"
                html += "<td>\(l.variant == 0 ? "原题 as written" : "变体 \(l.variant)")</td><td class=num>\(l.answers)</td>"
                html += "<td class=num>\(Format.score(100 * l.meanScore))</td>"
                html += n == 0 ? "<td class=\"num\(s >= 0.5 ? " flag" : "")\">\(Format.score(100 * s))\(s >= 0.5 ? " ⚠" : "")</td></tr>" : "<td></td></tr>"
            }
        }
        html += "</table><p class=note>每队看到题目的一个变体（按种子抽取）。变体间平均得分差距达 50 分以上的题目标记 ⚠：某个变体可能写得有问题。"
        html += " Each team is shown one variant of an item (drawn with the seed). Items whose variants' mean scores differ by"
        html += " 50 points or more are marked ⚠: one variant may be badly written.</p>"
        return html
    }
}
