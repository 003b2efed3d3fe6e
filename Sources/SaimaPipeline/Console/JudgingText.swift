import Foundation
import SaimaBase
import SaimaJudging
package import SaimaModel

/// The judging commands' work and what they print: the LLM judge with the re-score after it, battles, human scores.
extension JudgingPipeline {
    /// Judges a run's open answers (verdicts shared through `shared` when given), re-reads its uncertain choice readings,
    /// re-scores it and rebuilds its board; returns the lines a command prints. The reader's readings settle an
    /// answer only when they confirm the rules' reading, unless `readerReplaces` (`LLMReader.Policy`).
    package static func judgeAndRescoreLines(
        folder: String, tracks: [Track], judge: EndpointSettings, shared: StoreLocation? = nil, readerReplaces: Bool = false
    ) async throws -> [String] {
        let (summary, reader, rebuilt) = try await SharedRound.withVerdicts(shared) { verdicts in
            try await withJudge(judge) {
                try await judgeAndRescore(
                    folder: folder, tracks: tracks, client: $0, shared: verdicts, readerPolicy: readerReplaces ? .replaces : .confirms)
            }
        }
        return [
            "judge 评审: \(summary.answers) answers, \(summary.fromCache) from cache 缓存, \(summary.judged) judged 新评 "
                + "(\(summary.calls) calls 调用), \(summary.errors) judge_error 评审失败",
            "llm reader 存疑读取复核: \(reader.candidates) uncertain readings 存疑 (\(reader.fromCache) from cache 缓存), \(reader.read) re-read 已复核, "
                + "\(reader.disagreed) left for judges (reader differs) 与规则读取不同、留待人工, "
                + "\(reader.rejected) rejected replies 未通过校验, \(reader.errors) failed calls 调用失败",
            rebuilt.scoring.line,
            BoardText.describe(rebuilt.leaderboard, files: rebuilt.files),
        ]
    }

    /// A battle round that could not be rated (the Bradley–Terry fit refused the battles), as `folder: error: why`.
    package struct RatingRefused: Error, CustomStringConvertible {
        package var description: String
    }

    /// Pairwise battles judged by `judge`, rated, and added to the report; returns the lines a command prints.
    package static func battleLines(
        folder: String, tracks: [Track], judge: EndpointSettings, perItem: Int?, anchor: String?, resamples: Int,
        seed: UInt64
    ) async throws -> [String] {
        do {
            let outcome = try await withJudge(judge) {
                try await battle(
                    folder: folder, tracks: tracks, client: $0, judgeModel: judge.model, perItem: perItem, anchor: anchor,
                    resamples: resamples, seed: seed)
            }
            let summary = outcome.summary
            return [
                "battles 对战: \(summary.battles.count) over \(summary.items) items, \(summary.calls) judge calls 调用, "
                    + "\(summary.dropped) dropped (invalid verdicts) 无效",
                outcome.arenaText,
                "arena table added to the report 报告已加入对战评分: \(folder)/report.html",
            ]
        } catch let error as BradleyTerry.Problem {
            throw RatingRefused(description: "\(folder): error: \(error)")
        }
    }

    /// Arena ratings of a battle log file (`{"a", "b", "winner"}` lines), as the pretty JSON `saima ratings` prints.
    /// A file that does not load throws `DiagnosticsError`; battles that cannot be rated throw `RatingRefused`.
    package static func ratingsJSON(battles path: String, anchor: String?, resamples: Int, seed: UInt64) throws -> String {
        let log = try BattleLog.load(path: path)
        do {
            let (ratings, skipped) = try ArenaRatings.compute(log, anchor: anchor, resamples: resamples, seed: seed)
            let anchorTeam = anchor ?? ratings.map(\.team).sorted().first ?? ""
            return try PrettyJSON.string(encoding: ArenaFile(ratings: ratings, skipped: skipped, anchor: anchorTeam))
        } catch {
            throw RatingRefused(description: "\(path): error: \(error)")
        }
    }

    /// Imports judges' filled sheets into a run folder and re-scores it; returns the lines a command prints and what
    /// publishing to a shared store needs (`SharedRound.publishHumanScores`).
    package static func importHumanScoreLines(folder: String, tracks: [Track], sheets: [String], threshold: Double) throws
        -> (lines: [String], imported: [HumanScore], judges: Set<String>)
    {
        let result = try importHumanScores(folder: folder, tracks: tracks, sheets: sheets, threshold: threshold)
        let report = result.agreement
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        var lines = [
            "imported 已导入 \(result.imported.count) scores; \(report.judges) judges 评委, \(report.answers) answers 回答",
            "Krippendorff's alpha (interval) 一致性系数: \(f(report.alpha)); mean pairwise Spearman 平均秩相关: \(f(report.meanSpearman))",
        ]
        for d in report.disagreements.prefix(20) {
            lines.append("disagreement 分歧 \(String(format: "%.2f", d.spread)): \(d.key.track)/\(d.key.set)/\(d.key.item)")
        }
        lines.append(result.rebuilt.scoring.line)
        lines.append("leaderboard and report updated 排行榜与报告已更新: \(folder)")
        return (lines, result.imported, result.judges)
    }
}
