import ArgumentParser
import SaimaPipeline

/// The `saima` command line (entered from `main.swift`).
struct Saima: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saima",
        abstract: "赛马 Saima — evaluation harness for industry large-model contests / 行业大模型赛马评测工具",
        discussion: """
            Tracks live in Tracks/<track-id>/, submissions in Submissions/<team-id>/.
            赛道在 Tracks/<赛道>/ 下，参赛提交在 Submissions/<队伍>/ 下。
            """,
        version: SaimaVersion.current,
        subcommands: [
            TracksCommand.self, ValidateCommand.self, SubmissionsCommand.self, RunCommand.self, ExportCommand.self, BenchCommand.self,
            BenchEndpointCommand.self, ServeBaselineCommand.self, ScoreCommand.self, ScoreFileCommand.self, AgreementCommand.self,
            LeaderboardCommand.self, ReportCommand.self, RoundCommand.self, DemoCommand.self,
            SelfTestCommand.self, CheckEndpointCommand.self, BundleCommand.self, RatingsCommand.self,
            JudgeCommand.self, BattleCommand.self, JudgesCommand.self, AppealsCommand.self, ImportCommand.self, ExportSetCommand.self,
            SigningKeyCommand.self, ExposureCommand.self, MergeCommand.self, PullCommand.self, ReopenFailedCommand.self, ServeCommand.self,
        ]
    )
}
