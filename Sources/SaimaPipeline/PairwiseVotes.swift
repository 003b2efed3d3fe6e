import Foundation
package import SaimaJudging
import SaimaBase
package import SaimaModel
import SaimaRunner
import SaimaStorage

/// Human pairwise votes on a run's open answers: a judge sees two teams' answers to the same question side by side,
/// anonymized, and names the better one or a tie. Each judge gets their own seeded choice of pairs (at most
/// `perItem` per question) and their own left/right sides; votes become battles (`a` = the team shown left) for the
/// same Bradley–Terry ratings as `saima battle` and `saima ratings`, and are written as `human-battles.jsonl` in
/// the run folder so `saima ratings --battles` reads them too.
package enum PairwiseVotes {
    /// A pair as a judge sees it; the teams are kept for recording the vote and are never shown.
    package struct Pair: Sendable, Hashable {
        package var id: String
        package var track, set, item: String
        package var question: String
        package var leftTeam, leftAnswer, rightTeam, rightAnswer: String
    }

    /// The pairs of `judge` in a run folder, in the judge's order.
    package static func pairs(folder: String, tracks: [Track], judge: String, perItem: Int = 3, seed: UInt64) throws -> [Pair] {
        let answered = try RunBattles.answersByItem(store: try RunStore(folder: folder), tracks: tracks)
        var generator = SeededGenerator(seed: seed ^ (UInt64(SHA256Digest.hex(judge).prefix(16), radix: 16) ?? 0))
        var out: [Pair] = []
        for key in answered.keys.sorted() {
            let (item, track, set, list) = answered[key]!
            guard list.count >= 2 else { continue }
            var pairs: [(Int, Int)] = []
            for i in 0..<list.count { for j in (i + 1)..<list.count { pairs.append((i, j)) } }
            for k in stride(from: pairs.count - 1, to: 0, by: -1) { pairs.swapAt(k, generator.below(k + 1)) }
            let question = ChatRequestBuilder(track: track).userText(for: item)
            for (i, j) in pairs.prefix(perItem) {
                let (left, right) = generator.below(2) == 0 ? (list[i], list[j]) : (list[j], list[i])
                out.append(Pair(
                    id: String(SHA256Digest.hex("\(judge)|\(key)|\(left.team)|\(right.team)").prefix(12)),
                    track: track.id, set: set, item: item.id, question: question,
                    leftTeam: left.team, leftAnswer: left.content, rightTeam: right.team, rightAnswer: right.content))
            }
        }
        for k in stride(from: out.count - 1, to: 0, by: -1) { out.swapAt(k, generator.below(k + 1)) }
        return out
    }

    /// Writes every vote of the run as `human-battles.jsonl` (replacing the previous file: it is derived from the
    /// votes, which are kept by whoever collects them).
    package static func writeLog(_ battles: [Battle], folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("human-battles.jsonl")
        try? FileManager.default.removeItem(atPath: path)
        try RunFolderFile.write(battles.map(BattleLog.line).joined(separator: "\n") + "\n", to: "human-battles.jsonl", in: folder)
    }

    /// Bradley–Terry ratings of the votes with bootstrap intervals, or nil while the votes do not connect the teams.
    package static func ratings(_ battles: [Battle], resamples: Int = 1000, seed: UInt64) -> [Rating]? {
        try? ArenaRatings.compute(battles, anchor: nil, resamples: resamples, seed: seed).ratings
    }
}
