import Foundation
import SaimaJudging
import SaimaPipeline
import SaimaRegistry

/// Pairwise votes by the judges assigned to a run: the next pair a judge has not voted on, and the vote.
extension Portal {
    /// A judge's pairs in a run and how many are voted (404 for a run the judge does not grade).
    func votePairs(run id: String, judge: Account) throws -> (RunRecord, [PairwiseVotes.Pair], voted: Set<String>) {
        let run = try judgedRun(id, judge: judge)
        let pairs = try PairwiseVotes.pairs(folder: run.folder, tracks: registry.tracks, judge: judge.username, seed: Self.seed)
        return (run, pairs, try store.votedPairs(run: id, judge: judge.username))
    }

    /// Records a judge's vote on one of their pairs (`left`, `right` or `tie`) and rewrites the run's
    /// `human-battles.jsonl`.
    func castVote(run id: String, judge: Account, pair pairID: String, choice: String) throws {
        let (run, pairs, _) = try votePairs(run: id, judge: judge)
        guard let pair = pairs.first(where: { $0.id == pairID }) else { throw PortalError.notFound("没有此对。No such pair.") }
        let winner: Battle.Winner
        switch choice {
        case "left": winner = .a
        case "right": winner = .b
        case "tie": winner = .tie
        default: throw PortalError.invalid("请选择左、右或平局。Choose left, right or tie.")
        }
        try store.vote(run: id, judge: judge.username, pair: pairID, Battle(a: pair.leftTeam, b: pair.rightTeam, winner: winner))
        try PairwiseVotes.writeLog(try store.battles(run: id), folder: run.folder)
        try store.audit(actor: judge.username, action: "vote cast 投票", detail: "\(id): \(pairID)")
    }
}
