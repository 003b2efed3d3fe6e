import ArgumentParser
import SaimaPipeline

/// `saima submissions list`.
struct SubmissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submissions", abstract: "Inspect team submissions. 查看参赛提交", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List teams, their tracks and endpoints (never keys). 列出队伍、赛道与接口")

        @OptionGroup var location: LocationOptions

        func run() throws {
            let registry = try location.loadRegistry()
            let submissions: [Submission]
            do {
                submissions = try SubmissionLoader.load(root: location.submissionsRoot, registry: registry)
            } catch {
                throw reportDiagnostics(error.diagnostics)
            }
            print(SubmissionTable.render(submissions))
        }
    }
}
