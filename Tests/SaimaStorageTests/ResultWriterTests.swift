import Foundation
import SaimaModel
import SaimaStorage
import Testing

/// `ResultWriter`, the runner's sink: over a run that already holds rows it supersedes retried keys; fingerprint-probe
/// replies go to their own table and never into the chain; a failed group commit surfaces from `finish()`.
@Suite("Result writer")
struct ResultWriterTests {
    typealias F = StorageFixture

    /// A writer opened on a run with rows (a `--retry-failed` pass) supersedes the failed row and returns the head.
    @Test func aRetryPassSupersedesTheFailedRow() async throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        _ = try store.appendResults([F.result("a", .http5xx, content: nil)])
        let writer = try ResultWriter(store: store, maxBatch: 4, maxDelay: .seconds(60))
        writer.append(F.result("a", content: "A"))
        writer.append(F.result("b"))
        let head = try await writer.finish()
        #expect(writer.committed == 2)
        let rows = try store.chainRows()
        #expect(rows.map(\.superseded) == [true, false, false])
        #expect(try head == rows[2].chainHash && store.chainHead() == head)
        #expect(try store.currentResults().map(\.content) == ["A", "B"])
    }

    /// A producer far faster than the database (batches of one result, 3,000 of them) is held back by `waitForRoom`:
    /// after each wait no more than `maxPendingBatches` batches are queued, the producer did have to wait at least
    /// once, and every result is committed, in one chain.
    @Test func aFastProducerWaitsForRoomInsteadOfQueueingEverything() async throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store, maxBatch: 1, maxDelay: .seconds(60))
        var mostQueued = 0
        var waited = 0
        for n in 0..<3_000 {
            writer.append(F.result("item-\(n)"))
            let before = writer.pendingBatches
            await writer.waitForRoom()
            let after = writer.pendingBatches
            if before > ResultWriter.maxPendingBatches { waited += 1 }
            mostQueued = max(mostQueued, after)
            #expect(after <= ResultWriter.maxPendingBatches, "queued after waiting: \(after)")
        }
        let head = try await writer.finish()
        #expect(waited > 0, "the database could not keep up with 3,000 single-result batches handed at once")
        #expect(mostQueued <= ResultWriter.maxPendingBatches)
        #expect(try writer.committed == 3_000 && store.rowCount() == 3_000)
        #expect(try store.chainHead() == head && store.chainRows().count == 3_000)
    }

    /// A probe reply is stored in `probe_results` at once, a retried wave replaces it, and the chain holds only the
    /// normal answer.
    @Test func probeRepliesStayOutOfTheChain() async throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store, maxBatch: 4, maxDelay: .seconds(60))
        let key = ResultKey(team: "t", track: FingerprintProbes.trackID, set: FingerprintProbes.setID, item: "p1", sample: 2)
        var probe = ItemResult(
            key: key, outcome: .timeout, httpStatus: 0, attempts: [], latencyMs: 5_000, promptHash: "ph",
            templateVersion: "v1", finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
        writer.append(probe)
        probe.outcome = .ok
        probe.content = "我是一个语言模型"
        probe.latencyMs = 800
        probe.usage = (prompt: 30, completion: 12)
        writer.append(probe)
        let answer = F.result("a")
        writer.append(answer)
        let head = try await writer.finish()
        #expect(head == answer.chainHash(previous: RunStore.chainGenesis), "only the answer is chained")
        #expect(try store.rowCount() == 1 && writer.committed == 1)
        let replies = try store.probeReplies()
        #expect(replies.count == 1, "the retried wave replaced the first reply")
        let reply = try #require(replies.first)
        #expect(reply.team == "t" && reply.probe == "p1" && reply.wave == 2 && reply.outcome == .ok)
        #expect(reply.content == "我是一个语言模型" && reply.latencyMs == 800 && reply.completionTokens == 12)
        #expect(reply.finishedAt == 1_800_000_000)
        #expect(try store.probeOutcomes() == [key: .ok], "keyed as the planner keys probes")
    }

    /// In a fresh run rows go in without superseding, so one key given twice fails its group commit: `finish()`
    /// throws and the group's transaction leaves no row.
    @Test func aFailedGroupCommitSurfacesFromFinish() async throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        let writer = try ResultWriter(store: store, maxBatch: 8, maxDelay: .seconds(60))
        writer.append(F.result("a"))
        writer.append(F.result("a", content: "again"))
        await #expect(throws: (any Error).self) { try await writer.finish() }
        #expect(try store.rowCount() == 0 && writer.committed == 0)
        #expect(try store.chainHead() == RunStore.chainGenesis)
    }
}
