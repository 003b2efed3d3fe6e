package import Foundation
import GRDB

/// Which judge accounts grade which runs.
extension PortalStore {
    /// Records that `judges` grade `run`; refuses a judge already assigned to it (a second sheet would reshuffle the
    /// first one's answer ids and orphan what was entered).
    package func assign(judges: [String], run: String, at: Date = Date()) throws {
        try write { db in
            for judge in judges {
                if try Int.fetchOne(db, sql: "SELECT 1 FROM judge_runs WHERE run = ? AND judge = ?", arguments: [run, judge]) != nil {
                    throw PortalError.taken("评委 \(judge) 已分配到此运行。Judge \(judge) already grades this run.")
                }
                try db.execute(
                    sql: "INSERT INTO judge_runs (run, judge, assigned) VALUES (?, ?, ?)",
                    arguments: [run, judge, at.timeIntervalSince1970])
            }
        }
    }

    /// The runs a judge grades, newest assignment first.
    package func runs(judge: String) throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT run FROM judge_runs WHERE judge = ? ORDER BY assigned DESC", arguments: [judge]) }
    }

    /// The judges of a run.
    package func judges(run: String) throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT judge FROM judge_runs WHERE run = ? ORDER BY judge", arguments: [run]) }
    }

    /// The user names of every judge account.
    func judgeAccounts() throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT username FROM accounts WHERE role = 'judge' ORDER BY username") }
    }
}
