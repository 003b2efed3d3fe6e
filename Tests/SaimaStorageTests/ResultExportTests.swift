import Foundation
import SaimaBase
import SaimaModel
import SaimaStorage
import Testing

/// `saima export`: one record per current result with its score, latencies to a tenth of a millisecond, nulls for
/// what is missing; in CSV numbers written the shortest way, nulls as empty fields, formula-like text made inert.
@Suite("Result export")
struct ResultExportTests {
    typealias F = StorageFixture

    static func store(_ folder: String) throws -> RunStore {
        let store = try RunStore(folder: folder)
        var a = F.result("a", content: "答案是 B", latencyMs: 12.36)
        a.ttftMs = 3.04
        _ = try store.appendResults([a, F.result("b", .timeout, content: nil)])
        try store.replaceScores([
            StoredScore(
                key: a.key, score: 1, reason: "=选项一致", extracted: "B", metric: "choice", metricVersion: 1,
                unextractable: false, rule: "answer_line", confidence: "explicit", choiceOrder: "CABD")
        ])
        return store
    }

    /// Records carry rounded latencies and the score's fields; an unscored timeout has nulls.
    @Test func recordsJoinResultsAndScores() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let records = try ResultExport.records(store: try Self.store(folder))
        #expect(records.count == 2)
        #expect(records[0]["latency_ms"]?.numberValue == 12.4 && records[0]["ttft_ms"]?.numberValue == 3.0)
        #expect(records[0]["attempts"]?.numberValue == 1 && records[0]["score"]?.numberValue == 1)
        #expect(records[0]["extracted"]?.stringValue == "B" && records[0]["choice_order"]?.stringValue == "CABD")
        for column in ["ttft_ms", "content", "extracted", "rule", "confidence", "score", "reason", "choice_order"] {
            #expect(records[1][column] == JSONValue.null, "\(column) of the unscored timeout")
        }
    }

    /// The CSV has the BOM and header, then one CRLF line per record: `12.4`, `3`, `1`, a neutralized reason, and
    /// eight empty fields for the timeout's nulls.
    @Test func csvLinesAreExact() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let csv = ResultExport.csv(try ResultExport.records(store: try Self.store(folder)))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 4 && lines[3] == "", "three lines, each ending in CRLF")
        #expect(lines[0] == "\u{FEFF}team,track,set,item,sample,outcome,attempts,http_status,latency_ms,ttft_ms,content,"
            + "extracted,rule,confidence,score,reason,choice_order")
        #expect(lines[1] == "t,law,s,a,0,ok,1,200,12.4,3,答案是 B,B,answer_line,explicit,1,'=选项一致,CABD")
        #expect(lines[2] == "t,law,s,b,0,timeout,1,500,12.5" + String(repeating: ",", count: 8))
    }
}
