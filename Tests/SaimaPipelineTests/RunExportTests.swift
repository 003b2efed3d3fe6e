import Foundation
import SaimaBase
import SaimaModel
import SaimaPipeline
import SaimaStorage
import Testing

/// `saima export` (`RunFolder.export`): one record per current request, in key order, as canonical JSON Lines that
/// keep a reply exactly, or as CSV (BOM, CRLF) whose text fields are quoted and neutralized against formulas.
@Suite("Exporting a run (pipeline, directly)")
struct RunExportTests {
    /// Alpha's reply starts with `=` and holds a comma and quotes; beta timed out (first try superseded by a retry
    /// that also timed out). Latencies print to one decimal; fields with no value are empty (CSV) or null (JSON).
    static func folder(_ fixture: RunFolderFixture) throws -> String {
        var reply = RunFolderFixture.result("alpha", "q0", content: "=1+2, \"x\"", latencyMs: 12.34)
        reply.ttftMs = 7.25
        try fixture.store("run", results: [
            RunFolderFixture.result("beta", "q0", .timeout, latencyMs: 5000), reply,
            RunFolderFixture.result("beta", "q0", .timeout, latencyMs: 5000),
        ])
        return fixture.path("run")
    }

    /// The CSV: BOM and header, one CRLF line per current request in team order (the superseded try left out), the
    /// reply quoted with its quotes doubled and a `'` before its leading `=`, latency and time to first token to one
    /// decimal, empty cells where there is no value.
    @Test func csvQuotesAndNeutralizes() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let csv = try RunFolder.export(folder: try Self.folder(fixture), format: .csv)
        #expect(csv.components(separatedBy: "\r\n") == [
            "\u{FEFF}team,track,set,item,sample,outcome,attempts,http_status,latency_ms,ttft_ms,content,extracted,rule,"
                + "confidence,score,reason,choice_order",
            #"alpha,t,s,q0,0,ok,0,200,12.3,7.3,"'=1+2, ""x""",,,,,,"#,
            "beta,t,s,q0,0,timeout,0,0,5000,,,,,,,,",
            "",
        ])
    }

    /// JSON Lines: one canonical object per request, keys sorted, the reply exactly as sent (no neutralization), nulls
    /// for what the run has not scored.
    @Test func jsonLinesKeepTheReplyExactly() throws {
        let fixture = RunFolderFixture()
        defer { fixture.remove() }
        let lines = try RunFolder.export(folder: try Self.folder(fixture), format: .jsonl).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(String(lines[0]) == #"{"attempts":0,"choice_order":null,"confidence":null,"content":"=1+2, \"x\"","extracted":null,"#
            + #""http_status":200,"item":"q0","latency_ms":12.3,"outcome":"ok","reason":null,"rule":null,"sample":0,"#
            + #""score":null,"set":"s","team":"alpha","track":"t","ttft_ms":7.3}"#)
        let beta = try JSONValue.parse(String(lines[1]))
        #expect(beta["outcome"] == .string("timeout") && beta["content"] == .null && beta["latency_ms"] == .number(5000))
    }
}
