import SaimaBase
import Foundation
import SaimaEndpointServer
import SaimaStorage
import Testing

@testable import SaimaModel
@testable import SaimaRunner

/// Items read back on demand (`ItemList`) that can no longer be read: the list throws `ItemReadError` naming the
/// item instead of ending the process, and a run that meets one stops with that error after storing every result
/// finished before it (a later run resumes from them); nothing is asked against anything but the checked item.
@Suite("Items that cannot be read back", .serialized)
struct ItemReadFailureTests {
    /// Six on-demand items whose copy of item `i3` no longer parses.
    static func brokenList() throws -> (list: ItemList, items: [Item]) {
        let items = (0..<6).map { Item(id: "i\($0)", type: .shortAnswer, prompt: "ok", answer: .texts(["x"]), raw: .null, line: $0 + 1) }
        let file = try #require(SpoolFile())
        let writer = ItemSpool.Writer(file: file)
        for item in items { writer.add(item, text: Array("line \(item.line)".utf8)[...], line: item.line) }
        let spool = try #require(writer.finish { _, line in line == 4 ? nil : items[line - 1] })
        return (ItemList(spool: spool), items)
    }

    @Test func theListThrowsNamingTheItem() throws {
        let (list, items) = try Self.brokenList()
        #expect(list.isOnDemand && list.count == 6 && list.ids == items.map(\.id), "ids and count need no read")
        #expect(try list.item(at: 2) == items[2])
        #expect(throws: ItemReadError(item: "i3", reason: "no longer parses from its private copy")) { try list.item(at: 3) }
        #expect(throws: ItemReadError.self) { try list.all() }
        #expect(try list.items(at: [5, 0]) == [items[5], items[0]])
        #expect(list != ItemList(items), "a list that cannot be read back equals no other")
    }

    @Test func aRunStopsAtTheItemWithWhatFinishedStored() async throws {
        let (list, _) = try Self.brokenList()
        var track = RunnerHarness.track(prompts: [])
        track.questionSets[0].items = list
        let log = EndpointLog()
        let server = try await LocalEndpointServer.start(responder: RunnerBehaviourTests.responder(log))
        let harness = RunnerHarness()
        defer { harness.remove() }
        let store = try RunStore(folder: harness.folder)
        let plans = RunPlanner.plan(
            registry: [track], submissions: [RunnerHarness.submission(server, concurrency: 1)], trackFilter: nil,
            split: .dev, samples: 1, existing: [:], retryFailed: false)
        let transport = CurlMultiTransport()
        let runner = RoundRunner(
            transport: transport, writer: try ResultWriter(store: store),
            options: RunnerOptions(retry: RetryPolicy(maxAttempts: 1, baseDelay: 0.01, maxDelay: 0.05)))
        await #expect(throws: ItemReadError.self) { _ = try await runner.run(plans) }
        transport.shutdown()
        await server.stop()
        let stored = try store.currentResults().map(\.key.item).sorted()
        #expect(stored == ["i0", "i1", "i2"], "one at a time, in file order: the three before the broken item are stored")
        #expect(await log.requestsByPrompt["ok"] == 3, "nothing was asked for the broken item or after it")
    }
}
