import Foundation
import SaimaEndpointServer
import SaimaBase
import SaimaTestSupport
import Testing

/// Issue 19 row 8 through the binary: appeals imports accept only rows that were issued, unchanged, and an answer a
/// judge already re-read is read again only with `--supersede` and a reason, which the chain records.
@Suite("Appeals accept issued rows only", .serialized)
struct AppealsIssuedRowsTests {
    @Test func row8UnissuedOrEditedRowsAreRefusedAndASecondReadingNeedsSupersede() async throws {
        let (root, _) = try await VerifyRecordsTests.run()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let tracks = ["--tracks", root + "/Tracks"]
        let template = try await SaimaBinary.run(["appeals", "template", "--out", out, "--rules", "all"] + tracks)
        #expect(template.status == 0, "\(template.stderr)")
        let rows = CSVTable.parse(try String(contentsOfFile: out + "/appeals/appeals.csv", encoding: .utf8)).map(\.fields)
        let header = rows[0]
        let col = { (name: String) in header.firstIndex(of: name)! }
        func sheet(_ rows: [[String]], _ name: String) throws -> String {
            let path = out + "/appeals/" + name
            try ("\u{FEFF}" + rows.map { CSVTable.line($0, neutralizeFormulas: false) }.joined())
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        func filled(_ row: [String], _ reading: String, _ judge: String) -> [String] {
            var r = row
            r[col("judge_reading")] = reading
            r[col("judge")] = judge
            r[col("reason")] = "复核 / re-read"
            return r
        }
        // A row for an answer not on the sheet (another sample number), and an issued row with its item edited.
        var forged = filled(rows[1], "B", "张评委")
        forged[col("sample")] = "7"
        var edited = filled(rows[2], "B", "张评委")
        edited[col("item")] = rows[3][col("item")]
        let refused = try await SaimaBinary.run(["appeals", "import", "--out", out, try sheet([header, forged, edited], "bad.csv")] + tracks)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("was not issued on sheet") || refused.stderr.contains("no answer"), "\(refused.stderr)")
        #expect(refused.stderr.contains("differs from the row issued"), "\(refused.stderr)")

        let first = try await SaimaBinary.run(["appeals", "import", "--out", out, try sheet([header, filled(rows[1], "B", "张评委")], "one.csv")] + tracks)
        #expect(first.status == 0, "\(first.stderr)")
        // A second judge on the same issued row: refused without --supersede, accepted with it.
        let second = try sheet([header, filled(rows[1], "A", "李评委")], "two.csv")
        let again = try await SaimaBinary.run(["appeals", "import", "--out", out, second] + tracks)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already re-read by 张评委"), "\(again.stderr)")
        let superseded = try await SaimaBinary.run(["appeals", "import", "--out", out, second, "--supersede", "复议后改判 / on review"] + tracks)
        #expect(superseded.status == 0, "\(superseded.stderr)")
        let export = try await SaimaBinary.run(["export", "--out", out])
        #expect(export.stdout.contains("judge_reading"))
        let verify = try await SaimaBinary.run(["round", "verify", "--out", out] + tracks)
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("2 judge readings"), "both readings stay in the chain: \(verify.stdout)")
    }
}
