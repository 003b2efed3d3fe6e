package import Foundation
import GRDB
package import SaimaJudging

/// Judges' pairwise votes: one per (run, judge, pair), never changed once cast.
extension PortalStore {
    /// Records a vote; refuses a second vote on the same pair.
    package func vote(run: String, judge: String, pair: String, _ battle: Battle, at: Date = Date()) throws {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM votes WHERE run = ? AND judge = ? AND pair = ?", arguments: [run, judge, pair]) != nil {
                throw PortalError.taken("此对已投票。This pair already has your vote.")
            }
            try db.execute(
                sql: "INSERT INTO votes (run, judge, pair, team_a, team_b, winner, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [run, judge, pair, battle.a, battle.b, battle.winner.rawValue, at.timeIntervalSince1970])
        }
    }

    /// The pairs a judge has voted on in a run.
    func votedPairs(run: String, judge: String) throws -> Set<String> {
        Set(try read { try String.fetchAll($0, sql: "SELECT pair FROM votes WHERE run = ? AND judge = ?", arguments: [run, judge]) })
    }

    /// Every vote of a run as battles, in the order cast.
    package func battles(run: String) throws -> [Battle] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT team_a, team_b, winner FROM votes WHERE run = ? ORDER BY at, judge, pair", arguments: [run])
                .map { Battle(a: $0["team_a"], b: $0["team_b"], winner: Battle.Winner(rawValue: $0["winner"]) ?? .tie) }
        }
    }
}
