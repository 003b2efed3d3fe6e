import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima reopen-failed`: a shared round's failed requests asked again by its workers (the store's --retry-failed).
struct ReopenFailedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen-failed",
        abstract: "Put a shared round's failed requests back for its workers to ask again. 重新开放失败请求",
        discussion: """
            Every current result whose outcome is not ok is marked superseded (it stays in the chain) and its request
            becomes pending; start workers (saima run --store …) to ask them; the new results extend the same chain.
            Run it once, between rounds of workers.
            """)

    @Option(help: "Shared run store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE). 共享结果库") var store: String?
    @Option(help: "Round name. 轮次名称") var round: String

    func run() async throws {
        let location = try StoreOption.required(store)
        try await StoreOption.reporting {
            let n = try await SharedRound.reopenFailed(location: location, round: round)
            print("reopened 已重新开放 \(n) failed requests 个失败请求 in round \(round); start workers to ask them. 请启动工作进程重新请求。")
        }
    }
}
