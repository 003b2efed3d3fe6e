import Foundation
import SaimaBase
import SaimaModel
import Synchronization

/// Wall-clock time of a command's phases (load, prepare, requests, score, leaderboard, report, …): each `lap`
/// closes the phase that began at the previous lap (or at the clock's creation). The line it renders goes to the
/// run folder's `run.log`, so an organizer — and `saima bench --scenario fullpath` — can see where a run's time went.
package final class PhaseClock: Sendable {
    private let state: Mutex<(last: ContinuousClock.Instant, phases: [(name: String, seconds: Double)], peakMB: [Double])>
    private let start: ContinuousClock.Instant
    /// Run at the end of each phase, before the peak is read (the command returns freed memory to the system).
    private let atEachLap: (@Sendable () -> Void)?

    package init(atEachLap: (@Sendable () -> Void)? = nil) {
        let now = ContinuousClock.now
        start = now
        state = Mutex((now, [], []))
        self.atEachLap = atEachLap
    }

    /// Ends the current phase under `name`. Never inlined: `Scripts/callgrind-fullpath.sh` dumps a profile part
    /// each time it is called.
    @inline(never)
    package func lap(_ name: String) {
        let now = ContinuousClock.now
        atEachLap?()
        let peak = Self.peakRSSMegabytes()
        state.withLock { s in
            s.phases.append((name, Self.seconds(now - s.last)))
            // A peak never falls: the kernel refreshes VmHWM lazily, so a later read can be below an earlier one.
            s.peakMB.append(max(peak, s.peakMB.last ?? 0))
            s.last = now
        }
    }

    /// The phases so far, in order, with their seconds.
    package var phases: [(name: String, seconds: Double)] { state.withLock { $0.phases } }

    /// `phases (s): load 0.362 prepare 0.041 … total 2.212` — the prefix `saima bench` looks for in `run.log` —
    /// then the peak RSS after each phase: `; peak RSS (MB): load 64.1 prepare 64.3 …`.
    package var line: String {
        let total = Self.seconds(ContinuousClock.now - start)
        let (phases, peaks) = state.withLock { ($0.phases, $0.peakMB) }
        return Self.prefix + phases.map { "\($0.name) " + Self.format($0.seconds) }.joined(separator: " ")
            + " total " + Self.format(total) + Self.rssPrefix
            + zip(phases, peaks).map { "\($0.name) " + String(format: "%.1f", $1) }.joined(separator: " ")
    }

    static let rssPrefix = "; peak RSS (MB): "

    /// This process's peak resident set size in megabytes: `VmHWM` of `/proc/self/status` on Linux, else
    /// `ru_maxrss`. Not `ru_maxrss` on Linux: it survives `execve`, so a command started by a larger process (the
    /// benchmark, which holds the endpoint and the question file it wrote) reported its parent's peak.
    static func peakRSSMegabytes() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: \.isWhitespace).first
               .flatMap({ Double($0) })
        {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    package static let prefix = "phases (s): "

    /// Appends `line` to `<folder>/run.log` (created if missing).
    package func appendToRunLog(folder: String) {
        // Appended through O_NOFOLLOW: a `run.log` planted as a link is left alone.
        guard let handle = try? RunFolderFile.openForAppending("run.log", in: folder) else { return }
        defer { try? handle.close() }
        let stamp = TimeStamp.iso8601(Date())
        handle.write(Data("\(stamp) \(line)\n".utf8))
    }

    /// Parses a `line` back into (phase, seconds) pairs, `total` included.
    package static func parse(_ line: some StringProtocol) -> [(name: String, seconds: Double)]? {
        guard let range = line.range(of: prefix) else { return nil }
        let rest = line[range.upperBound...]
        let words = (rest.range(of: rssPrefix).map { rest[..<$0.lowerBound] } ?? rest).split(separator: " ")
        guard words.count % 2 == 0 else { return nil }
        var out: [(String, Double)] = []
        for i in stride(from: 0, to: words.count, by: 2) {
            guard let seconds = Double(words[i + 1]) else { return nil }
            out.append((String(words[i]), seconds))
        }
        return out
    }

    /// Parses the peak RSS part of a `line`: (phase, MB) pairs.
    package static func parsePeaks(_ line: some StringProtocol) -> [(name: String, megabytes: Double)]? {
        guard let range = line.range(of: rssPrefix) else { return nil }
        let words = line[range.upperBound...].split(separator: " ")
        guard words.count % 2 == 0 else { return nil }
        return stride(from: 0, to: words.count, by: 2).compactMap { i in
            Double(words[i + 1]).map { (String(words[i]), $0) }
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
