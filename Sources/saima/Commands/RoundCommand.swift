import ArgumentParser
import Foundation
import SaimaJudging
import SaimaModel
import SaimaPipeline
import SaimaRegistry
import SaimaRunner

/// `saima round start|verify`.
struct RoundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "round",
        abstract: "Run an official round from a round file, and verify a run afterwards. 正式轮次与校验",
        subcommands: [Start.self, Verify.self])

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the round defined in Rounds/NAME.yaml (or --round-file). 按轮次文件运行")

        @OptionGroup var location: LocationOptions
        @Option(help: "Round name: reads Rounds/NAME.yaml. 轮次名") var round: String?
        @Option(help: "Path of a round file. 轮次文件") var roundFile: String?
        @Option(help: "Run folder (default runs/NAME). 输出目录") var out: String?
        @Flag(help: "Request failed items again. 重试失败题目") var retryFailed = false
        @Option(help: "Organizer's keys file: TEAM_ID=KEY lines, mode 0600, outside the repository. 密钥文件")
        var keys: String?
        @Option(help: "Sign the manifest at the start and the results at the end with this Ed25519 key file (or SAIMA_SIGNING_KEY). 签名私钥")
        var signKey: String?

        func run() async throws {
            guard let path = roundFile ?? round.map({ "Rounds/\($0).yaml" }) else {
                throw ValidationError("give --round NAME or --round-file PATH / 请指定轮次")
            }
            let clock = PhaseClock.trimming()
            var spec: RoundSpec
            do {
                spec = try RoundSpec.from(
                    roundFile: try RoundFile.load(path: path), path: path, roots: location.roots,
                    submissionsRoot: location.submissionsRoot, folder: out, retryFailed: retryFailed)
            } catch let error as DiagnosticsError {
                throw reportDiagnostics(error.diagnostics)
            } catch let error as Selection.UnknownIDs {
                throw ValidationError(error.description)
            } catch let problem as FreshItems.Problem {
                printErr(problem.description)
                throw ExitCode.failure
            }
            spec.keys = try KeysOption.load(keys)
            spec.signingKey = try SigningKeyOption.load(signKey, runFolder: spec.folder)
            clock.lap("load")
            try await RunExecution.runRound(spec, clock: clock)
            if let judge = spec.judge {
                let transport = CurlMultiTransport()
                defer { transport.shutdown() }
                let client = JudgeClient(endpoint: judge, apiKey: try APIKeyLookup.key(judge.apiKeyEnv), transport: transport)
                try await JudgeCommand.judgeAndRescore(folder: spec.folder, tracks: spec.tracks, client: client)
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a run: question-set hashes and the tamper-evident result chain. 校验题集与结果链",
            discussion: "Exit status 0 when everything matches, 1 otherwise. 一致时返回 0，否则返回 1。")

        @OptionGroup var location: LocationOptions
        @Option(help: "Run folder. 结果目录") var out: String
        @Option(help: "Also check the run's signatures against this public key file. 用此公钥校验签名") var publicKey: String?

        func run() throws {
            let registry = try location.loadRunRegistry(out: out, strict: false)
            var report = try RunVerification.verify(folder: out, tracks: registry.tracks)
            if let publicKey {
                let key: RunSigning.PublicKey
                do { key = try RunSigning.publicKey(file: publicKey) } catch { throw ValidationError("\(error)") }
                report.problems += RunSigning.verify(folder: out, publicKey: key)
                if report.ok { print("signatures verified under 签名已校验 \(key.fingerprint)") }
            }
            if report.ok {
                print("OK: \(report.checkedSets) question sets, \(report.checkedRows) result rows, "
                    + "\(report.checkedScores) scores and \(report.checkedOverrides) judge readings verified; "
                    + "\(report.overriddenAnswers) answer(s) re-read by judges. "
                    + "校验通过：\(report.checkedSets) 个题集、\(report.checkedRows) 条结果、\(report.checkedScores) 个分数、"
                    + "\(report.checkedOverrides) 条复核记录一致；评委复核改读 \(report.overriddenAnswers) 个答案。")
            } else {
                for p in report.problems { printErr("\(out): error: \(p)") }
                printErr("\(report.problems.count) problem(s) found. 发现 \(report.problems.count) 个问题。")
                throw ExitCode.failure
            }
        }
    }
}
