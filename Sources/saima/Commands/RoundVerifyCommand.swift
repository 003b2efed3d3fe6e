import ArgumentParser
import SaimaPipeline

/// `saima round verify`.
extension RoundCommand {
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
                print(report.summary)
            } else {
                for p in report.problems { printErr("\(out): error: \(p)") }
                printErr("\(report.problems.count) problem(s) found. 发现 \(report.problems.count) 个问题。")
                throw ExitCode.failure
            }
        }
    }
}
