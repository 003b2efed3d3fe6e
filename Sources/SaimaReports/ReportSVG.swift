import Foundation
import SaimaLeaderboard

/// Inline SVG charts for the HTML report (no scripts, no external resources).
enum ReportSVG {
    /// Horizontal bars of each team's score with its 95% interval as a whisker, 0–100 scale.
    static func barChart(_ board: Board) -> String {
        let rowHeight = 26.0
        let labelWidth = 300.0
        let plotWidth = 420.0
        let height = Double(board.entries.count) * rowHeight + 30
        func x(_ score: Double) -> Double { labelWidth + max(0, min(100, score)) / 100 * plotWidth }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(labelWidth + plotWidth + 60))" height="\(Int(height))" \
            role="img" aria-label="\(HTMLText.escape(board.name.bilingual)) scores with 95% intervals">
            """
        for tick in stride(from: 0, through: 100, by: 20) {
            let tx = x(Double(tick))
            svg += "<line x1=\"\(tx)\" y1=\"0\" x2=\"\(tx)\" y2=\"\(height - 20)\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(tx)\" y=\"\(height - 6)\" font-size=\"11\" text-anchor=\"middle\" fill=\"#666\">\(tick)</text>"
        }
        for (k, e) in board.entries.enumerated() {
            let y = Double(k) * rowHeight + 4
            let label = HTMLText.escape(String(e.name.zh.prefix(18)))
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
