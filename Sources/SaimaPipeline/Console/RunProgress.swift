import Foundation
import SaimaBase
import SaimaModel
import SaimaReports
import SaimaRunner
import Synchronization

/// Live per-team progress: done/total, failures, in-flight limit changes, requests per second and ETA. On a
/// terminal it redraws in place; otherwise it prints a plain line per team every few seconds. Limit changes are
/// counted in the table and written, with every other runner log line, to `<run folder>/run.log` — never printed
/// over the table.
final class RunProgress: Sendable {
    let interactive: Bool
    let started = Date()
    let state: Mutex<(teams: [String: TeamProgress], logs: [String], drawnLines: Int)>
    let runLog: FileHandle?

    package init(plans: [TeamPlan], interactive: Bool, logPath: String? = nil) {
        self.interactive = interactive
        if let logPath {
            // Appended through O_NOFOLLOW: a `run.log` planted as a link gets no lines.
            runLog = try? RunFolderFile.openForAppending(
                (logPath as NSString).lastPathComponent, in: (logPath as NSString).deletingLastPathComponent)
        } else {
            runLog = nil
        }
        state = Mutex(([:], [], 0))
        expect(plans)
    }

    /// Adds the teams of `plans` with their work still to do and already done.
    package func expect(_ plans: [TeamPlan]) {
        state.withLock { s in s.teams.merge(TeamProgress.expecting(plans)) { _, new in new } }
    }

    package func record(_ event: RunEvent) {
        state.withLock { s in
            TeamProgress.record(event, in: &s.teams)
            if case .log(let line) = event { s.logs.append(line) }
        }
        switch event {
        case .log(let line), .limitChanged(_, let line):
            let stamp = TimeStamp.iso8601(Date())
            runLog?.write(Data("\(stamp) \(line)\n".utf8))
        case .finished: break
        }
    }

    package func render(final: Bool = false) {
        let elapsed = max(0.001, Date().timeIntervalSince(started))
        let (teams, logs, drawn) = state.withLock { s in
            defer { s.logs.removeAll() }
            return (s.teams, s.logs, s.drawnLines)
        }
        var table = TerminalTable(
            headers: ["team 队伍", "done 完成", "total 总数", "failed 失败", "limit Δ 限流调整", "req/s", "ETA"],
            alignments: [.left, .right, .right, .right, .right, .right, .right])
        for team in teams.keys.sorted() {
            let t = teams[team]!
            let rate = Double(t.doneThisInvocation) / elapsed
            let remaining = t.total - t.done
            let eta = remaining == 0 ? "done 完成" : rate > 0 ? Self.duration(Double(remaining) / rate) : "-"
            table.append([
                "\(team)", "\(t.done)", "\(t.total)", "\(t.failed)", "\(t.limitChanges)", String(format: "%.1f", rate), eta,
            ])
        }
        var out = ""
        if interactive, drawn > 0 { out += "\u{1B}[\(drawn)F\u{1B}[J" }
        // Rare notices (a team cut off) stay visible above the table; limit changes only go to run.log.
        for line in logs { out += line + "\n" }
        let body = table.render()
        out += body + "\n"
        if !interactive, !final {
            out = logs.map { $0 + "\n" }.joined()
                + teams.keys.sorted().map {
                    "progress \($0): \(teams[$0]!.done)/\(teams[$0]!.total) failed \(teams[$0]!.failed) limit changes \(teams[$0]!.limitChanges)"
                }
                .joined(separator: "\n") + "\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
        let lines = interactive ? body.split(separator: "\n", omittingEmptySubsequences: false).count : 0
        state.withLock { $0.drawnLines = final ? 0 : lines }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
