import Foundation
import SaimaLeaderboard
import SaimaModel

/// Inline SVG charts for the HTML report (no scripts, no external resources).
enum ReportSVG {
    /// The axis range for scores and intervals `values`: fitted to the data (so 15 and 17 do not look the same),
    /// widened to at least 10 points, rounded out to multiples of 5, within 0–100.
    static func axis(_ values: [Double]) -> (low: Double, high: Double, step: Double) {
        guard let lo = values.min(), let hi = values.max() else { return (0, 100, 20) }
        var low = max(0, (lo / 5).rounded(.down) * 5)
        var high = min(100, (hi / 5).rounded(.up) * 5)
        if high - low < 10 {
            let mid = (low + high) / 2
            low = max(0, mid - 5)
            high = min(100, low + 10)
            low = max(0, high - 10)
        }
        let span = high - low
        let step = span <= 20 ? 2.0 : span <= 50 ? 5.0 : span <= 80 ? 10.0 : 20.0
        return (low, high, step)
    }

    /// Horizontal bars of each team's score with its 95% interval as a whisker, on an axis fitted to the data,
    /// coloured by rank group, with a legend.
    static func barChart(_ board: Board) -> String {
        let rowHeight = 26.0
        let labelWidth = 300.0
        let plotWidth = 420.0
        let groups = Array(Set(board.entries.map(\.rankGroup))).sorted()
        let legendHeight = 22.0
        let height = Double(board.entries.count) * rowHeight + 30 + legendHeight
        let range = axis(board.entries.flatMap { [$0.score, $0.ci95.low, $0.ci95.high] })
        func x(_ score: Double) -> Double {
            labelWidth + (max(range.low, min(range.high, score)) - range.low) / (range.high - range.low) * plotWidth
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(labelWidth + plotWidth + 60))" height="\(Int(height))" \
            role="img" aria-label="\(HTMLText.escape(board.name.bilingual)) scores with 95% intervals">
            """
        let plotBottom = height - 20 - legendHeight
        for tick in stride(from: range.low, through: range.high + 1e-9, by: range.step) {
            let tx = x(tick)
            svg += "<line x1=\"\(tx)\" y1=\"0\" x2=\"\(tx)\" y2=\"\(plotBottom)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(tx)\" y=\"\(plotBottom + 14)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#666\">\(Format.score(tick))</text>"
        }
        // Legend: one swatch per rank group, then the whisker.
        var lx = labelWidth
        let ly = height - 8
        for g in groups {
            svg += "<rect x=\"\(lx)\" y=\"\(ly - 10)\" width=\"12\" height=\"10\" fill=\"\(color(group: g))\"/>"
            svg += "<text x=\"\(lx + 16)\" y=\"\(ly)\" font-size=\"11\" fill=\"#333\">组 Group \(g)</text>"
            lx += 84
        }
        svg += "<line x1=\"\(lx)\" y1=\"\(ly - 5)\" x2=\"\(lx + 20)\" y2=\"\(ly - 5)\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        svg += "<text x=\"\(lx + 26)\" y=\"\(ly)\" font-size=\"11\" fill=\"#333\">95% 区间 interval</text>"
        if range.low > 0 || range.high < 100 {
            svg += "<text x=\"\(labelWidth + plotWidth)\" y=\"\(ly)\" font-size=\"10\" text-anchor=\"end\" fill=\"#888\">"
            svg += "轴 axis \(Format.score(range.low))–\(Format.score(range.high))</text>"
        }
        for (k, e) in board.entries.enumerated() {
            let y = Double(k) * rowHeight + 4
            let label = HTMLText.escape(String(e.name.primary.prefix(18)))
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">\(label)</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(x(e.score) - labelWidth)\" height=\"16\" fill=\"\(color(group: e.rankGroup))\"/>"
            let (low, high) = (x(e.ci95.low), x(e.ci95.high))
            svg += "<line x1=\"\(low)\" y1=\"\(y + 11)\" x2=\"\(high)\" y2=\"\(y + 11)\" stroke=\"#222\" stroke-width=\"1.5\"/>"
            svg += "<line x1=\"\(low)\" y1=\"\(y + 5)\" x2=\"\(low)\" y2=\"\(y + 17)\" stroke=\"#222\"/>"
            svg += "<line x1=\"\(high)\" y1=\"\(y + 5)\" x2=\"\(high)\" y2=\"\(y + 17)\" stroke=\"#222\"/>"
            svg += "<text x=\"\(high + 6)\" y=\"\(y + 15)\" font-size=\"11\" fill=\"#333\">\(Format.score(e.score))</text>"
        }
        return svg + "</svg>"
    }

    /// A fill colour per rank group (teams in one band share a colour).
    static func color(group: Int) -> String {
        let palette = ["#2f6db5", "#4f9a5a", "#d08c2b", "#9b59b6", "#c0504d", "#4bacc6", "#7f7f7f"]
        return palette[(max(1, group) - 1) % palette.count]
    }

    /// Background for a heat-map cell: white (0) to green (100).
    static func heat(_ score: Double) -> String {
        let t = max(0, min(100, score)) / 100
        let r = Int(255 - t * (255 - 46))
        let g = Int(255 - t * (255 - 160))
        let b = Int(255 - t * (255 - 90))
        return String(format: "#%02x%02x%02x", r, g, b)
    }
}
