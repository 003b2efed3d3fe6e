import ArgumentParser
import Foundation
import SaimaPipeline

/// `saima run` as one worker of a round shared through PostgreSQL.
struct SharedStoreOptions: ParsableArguments {
    @Option(help: "Shared run store, postgres://USER@HOST[:PORT]/DB (or SAIMA_STORE); the password from PGPASSWORD. 共享结果库")
    var store: String?
    @Option(help: "This worker's name in the shared store (default: the host name). 工作进程名") var worker: String?
    @Option(help: "Seconds a claim holds without renewal. 租约秒数") var leaseSeconds = 60.0
    @Option(help: "Requests claimed at a time per team (default: its max_concurrency). 每次领取数") var claimBatch: Int?

    func validate() throws {
        try OptionBounds.check(leaseSeconds, 1...86_400, "lease-seconds")
        if let claimBatch { try OptionBounds.check(claimBatch, 1...100_000, "claim-batch") }
    }

    /// Whether a store is named (by --store or SAIMA_STORE).
    var named: Bool { address != nil }
    var address: String? { store ?? ProcessInfo.processInfo.environment["SAIMA_STORE"] }

    /// The worker's settings when a store is named (by --store or SAIMA_STORE), else nil.
    func settings() throws -> SharedRound.WorkerSettings? {
        guard let address else { return nil }
        return SharedRound.WorkerSettings(
            location: try StoreOption.location(address), name: worker ?? ProcessInfo.processInfo.hostName,
            leaseSeconds: leaseSeconds, batch: claimBatch)
    }
}
