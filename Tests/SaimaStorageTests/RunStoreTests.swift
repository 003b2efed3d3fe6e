import Foundation
import SaimaModel
import Testing

@testable import SaimaStorage

/// The run store in process: results written through `ResultWriter` form one hash chain that recomputes from the
/// stored rows; a later result for the same key supersedes the earlier one without deleting it; reply text is kept
/// byte for byte; the export's CSV quotes and neutralizes what a spreadsheet would misread.
@Suite("Run store")
struct RunStoreTests {
    static func folder() -> String { NSTemporaryDirectory() + "saima-store-\(UUID().uuidString)" }

    static func result(_ item: String, _ outcome: Outcome = .ok, content: String? = "B", team: String = "t") -> ItemResult {
        ItemResult(
            key: ResultKey(team: team, track: "law", set: "s", item: item, sample: 0), outcome: outcome,
            httpStatus: outcome == .ok ? 200 : 500, attempts: [AttemptRecord(status: 200, outcome: .ok, latencyMs: 12, detail: nil)],
            latencyMs: 12.5, content: content, promptHash: "p", templateVersion: "v1",
            finishedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func theWritersChainRecomputesFromTheStoredRows() async throws {
        let store = try RunStore(folder: Self.folder())
        let writer = try ResultWriter(store: store, maxBatch: 2)
        for i in 0..<7 { writer.append(Self.result("i\(i)", content: "答案\(i)")) }
        let head = try await writer.finish()
        let rows = try store.chainRows()
        #expect(rows.count == 7)
        var previous = ItemResult.chainGenesis
        for row in rows {
            previous = row.result.chainHash(previous: previous)
            #expect(row.chainHash == previous, "row \(row.seq) extends the chain")
        }
        #expect(try previous == head && head == store.chainHead(), "the head the writer returns is the last row's")
        #expect(head != ItemResult.chainGenesis && head.count == 64)
    }

    @Test func aLaterResultSupersedesWithoutDeleting() throws {
        let store = try RunStore(folder: Self.folder())
        _ = try store.appendResults([Self.result("a", .http5xx, content: nil), Self.result("b")])
        _ = try store.appendResults([Self.result("a", .ok, content: "C")])
        #expect(try store.rowCount() == 3 && store.currentCount() == 2)
        let current = try store.currentResults()
        #expect(current.map(\.key.item) == ["a", "b"], "one current result per key, in key order")
        #expect(current[0].outcome == .ok && current[0].content == "C")
        #expect(try store.currentOutcomes()[ResultKey(team: "t", track: "law", set: "s", item: "a", sample: 0)] == .ok)
        let rows = try store.chainRows()
        #expect(rows.map(\.superseded) == [true, false, false], "the failed first answer stays, marked superseded")
    }

    @Test func replyTextIsKeptByteForByte() throws {
        let store = try RunStore(folder: Self.folder())
        let text = "前言\u{0}中段\r\n\u{FEFF}末尾 🐎 \u{202E}reversed"
        var r = Self.result("x", content: text)
        r.rawResponse = #"{"choices":[{"message":{"content":"\u0000"}}]}"#
        _ = try store.appendResults([r])
        let back = try #require(try store.currentResults().first)
        #expect(back.content == text && back.content?.utf8.count == text.utf8.count)
        #expect(back.rawResponse == r.rawResponse)
        #expect(back.attempts.map(\.status) == [200] && back.latencyMs == 12.5)
    }

    @Test func theExportsCSVQuotesAndNeutralizesFormulas() throws {
        let store = try RunStore(folder: Self.folder())
        _ = try store.appendResults([Self.result("q1", content: "=HYPERLINK(\"x\"),\n第二行")])
        let csv = ResultExport.csv(try ResultExport.records(store: store))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}" + ResultExport.columns.joined(separator: ","), "a BOM, then the header")
        #expect(lines[1].hasPrefix("t,law,s,q1,0,ok,1,200,12.5,,\"'=HYPERLINK(\"\"x\"\"),\n第二行\""),
                "quotes doubled, the newline kept inside quotes, the formula made text: \(lines[1])")
    }
}
