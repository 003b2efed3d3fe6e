import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima validate`: loads every track and submission and reports all problems at once.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check tracks and submissions; print every problem as path:line. 校验赛道与提交",
        discussion: "Exit status 0 when everything is valid, 1 otherwise. 全部有效时返回 0，否则返回 1。")

    @OptionGroup var location: LocationOptions

    func run() throws {
        let report: Validation.Report
        do {
            report = try Validation.validate(roots: location.roots, submissionsRoot: location.submissionsRoot)
        } catch {
            throw reportDiagnostics(error.diagnostics)
        }
        for w in report.registry.warnings { printErr(w.description) }
        let tracks = report.registry.tracks.count
        print("OK: \(tracks) tracks, \(report.sets) question sets, \(report.items) items, \(report.submissions.count) submissions.")
        print("校验通过：\(tracks) 个赛道，\(report.sets) 个题集，\(report.items) 道题，\(report.submissions.count) 份提交。")
    }
}
