import Foundation
import SaimaBase
import SaimaModel

/// `arena.json`, as `saima battle` writes it and the report reads it (and `saima ratings` prints): a typed
/// `Codable` record on Saima's JSON stack. Ratings are rounded to 10⁻⁶ rating points.
package struct ArenaFile: Sendable, Codable, Equatable {
    /// The team rated 1000.
    package var anchor: String
    /// Bootstrap resamples left out because their battles did not connect every team.
    var skippedResamples: Int
    package var ratings: [Entry]
    /// The judge's position bias; absent from `saima ratings`, which sees only a battle log.
    package var positionBias: PositionBias?

    package struct Entry: Sendable, Codable, Equatable {
        package var team: String
        package var rating: Double
        /// [low, high].
        package var ci95: [Double]
        package var battles: Int
    }

    package struct PositionBias: Sendable, Codable, Equatable {
        package var judge: String
        package var battles: Int
        /// Battles whose two orders the judge decided differently (recorded as ties).
        package var ordersDisagree: Int
        package var pairs: [Pair]

        package struct Pair: Sendable, Codable, Equatable {
            package var a: String
            package var b: String
            package var battles: Int
            package var ties: Int
            package var ordersDisagree: Int

            enum CodingKeys: String, CodingKey {
                case a, b, battles, ties
                case ordersDisagree = "orders_disagree"
            }
        }

        enum CodingKeys: String, CodingKey {
            case judge, battles, pairs
            case ordersDisagree = "orders_disagree"
        }
    }

    enum CodingKeys: String, CodingKey {
        case anchor, ratings
        case skippedResamples = "skipped_resamples"
        case positionBias = "position_bias"
    }

    /// The file for these ratings; with `judge`, the position bias of `battles` too.
    package init(ratings: [Rating], skipped: Int, anchor: String, battles: [Battle] = [], judge: String? = nil) {
        func round(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        self.anchor = anchor
        skippedResamples = skipped
        self.ratings = ratings.map { r in
            Entry(team: r.team, rating: round(r.rating), ci95: [round(r.ci95.lowerBound), round(r.ci95.upperBound)],
                  battles: r.battles)
        }
        positionBias = judge.map { PositionBias(battles: battles, judge: $0) }
    }

    /// `arena.json` in `folder`: nil when there is none; a `Problem` naming the file when it is not an arena file.
    package static func load(folder: String) throws(Problem) -> ArenaFile? {
        let path = (folder as NSString).appendingPathComponent("arena.json")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try JSONValueCoder.decode(ArenaFile.self, from: try JSONValue.parse(data))
        } catch {
            throw Problem(path: path, reason: "\(error)")
        }
    }

    /// An `arena.json` that cannot be read.
    package struct Problem: Error, CustomStringConvertible {
        package var path: String
        package var reason: String
        package var description: String {
            "\(path): not an arena file written by `saima battle` (\(reason)); remove it or run `saima battle` again / 对战评分文件无法读取"
        }
    }

    /// Writes `arena.json` into `folder` and returns its text.
    package func write(folder: String) throws -> String {
        let text = try PrettyJSON.string(encoding: self)
        try RunFolderFile.write(text, to: "arena.json", in: folder)
        return text
    }
}

extension ArenaFile.PositionBias {
    /// Per pair of teams: battles, ties, and ties because the judge's two orders disagreed.
    init(battles: [Battle], judge: String) {
        var pairs: [String: Pair] = [:]
        for x in battles {
            let (a, b) = x.a < x.b ? (x.a, x.b) : (x.b, x.a)
            var p = pairs["\(a)\u{1F}\(b)"] ?? Pair(a: a, b: b, battles: 0, ties: 0, ordersDisagree: 0)
            p.battles += 1
            if x.winner == .tie { p.ties += 1 }
            if x.ordersDisagree { p.ordersDisagree += 1 }
            pairs["\(a)\u{1F}\(b)"] = p
        }
        self.init(
            judge: judge, battles: battles.count, ordersDisagree: battles.filter(\.ordersDisagree).count,
            pairs: pairs.values.sorted { ($0.a, $0.b) < ($1.a, $1.b) })
    }
}
