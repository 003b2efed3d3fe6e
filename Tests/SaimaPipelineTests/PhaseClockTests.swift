import Foundation
import SaimaPipeline
import Testing

@Suite("Phase times in run.log")
struct PhaseClockTests {
    /// Laps close phases in order; the line written to run.log parses back to the same phases plus the total.
    @Test func lapsRoundTripThroughRunLog() throws {
        let clock = PhaseClock()
        clock.lap("load")
        Thread.sleep(forTimeInterval: 0.02)
        clock.lap("requests")
        let folder = NSTemporaryDirectory() + "saima-phases-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "earlier line\n".write(toFile: folder + "/run.log", atomically: true, encoding: .utf8)
        clock.appendToRunLog(folder: folder)

        let log = try String(contentsOfFile: folder + "/run.log", encoding: .utf8)
        #expect(log.hasPrefix("earlier line\n"))
        let line = try #require(log.split(separator: "\n").last)
        let phases = try #require(PhaseClock.parse(line))
        #expect(phases.map(\.name) == ["load", "requests", "total"])
        #expect(phases[1].seconds >= 0.02)
        #expect(phases[2].seconds >= phases[0].seconds + phases[1].seconds - 0.002)
        let peaks = try #require(PhaseClock.parsePeaks(line))
        #expect(peaks.map(\.name) == ["load", "requests"])
        #expect(peaks.allSatisfy { $0.megabytes > 1 && $0.megabytes < 100_000 })
        #expect(peaks[1].megabytes >= peaks[0].megabytes)
        #expect(PhaseClock.parse("no phases here") == nil)
        #expect(PhaseClock.parse("phases (s): load x") == nil)
    }
}
