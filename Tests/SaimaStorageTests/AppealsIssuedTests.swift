import Foundation
import SaimaStorage
import Testing

/// The rows an appeals sheet issued: each answer once per sheet with its row hash, so that an import accepts only
/// rows that were issued, unchanged.
@Suite("Issued appeals rows")
struct AppealsIssuedTests {
    typealias F = StorageFixture

    /// A recorded row is found by sheet and answer; another sheet, item or sample finds nothing.
    @Test func aRowIsFoundOnlyOnTheSheetThatIssuedIt() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.recordIssuedAppeals(
            sheet: "S1", rows: [(key: F.key("a"), hash: "h-a"), (key: F.key("b"), hash: "h-b")])
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a")) == "h-a")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("b")) == "h-b")
        #expect(try store.issuedAppealHash(sheet: "S2", key: F.key("a")) == nil, "another sheet")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("c")) == nil, "an answer not on the sheet")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a", sample: 1)) == nil, "another sample")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a", team: "u")) == nil, "another team")
    }

    /// Issuing an answer a second time on the same sheet fails, the whole batch is rolled back, and the first
    /// hash stays; a new sheet may issue the same answer with its own hash.
    @Test func anAnswerIsIssuedOncePerSheet() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        try store.recordIssuedAppeals(sheet: "S1", rows: [(key: F.key("a"), hash: "h-a")])
        #expect(throws: (any Error).self) {
            try store.recordIssuedAppeals(
                sheet: "S1", rows: [(key: F.key("c"), hash: "h-c"), (key: F.key("a"), hash: "h-a2")])
        }
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("c")) == nil, "the batch was rolled back")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a")) == "h-a", "the first issue stands")
        try store.recordIssuedAppeals(sheet: "S2", rows: [(key: F.key("a"), hash: "h-a-S2")])
        #expect(try store.issuedAppealHash(sheet: "S2", key: F.key("a")) == "h-a-S2")
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a")) == "h-a")
    }

    /// A batch that names one answer twice is refused as a whole.
    @Test func aBatchNamingOneAnswerTwiceRecordsNothing() throws {
        let folder = F.folder()
        defer { F.remove(folder) }
        let store = try RunStore(folder: folder)
        #expect(throws: (any Error).self) {
            try store.recordIssuedAppeals(
                sheet: "S1",
                rows: [(key: F.key("b"), hash: "h-b"), (key: F.key("a"), hash: "1"), (key: F.key("a"), hash: "2")])
        }
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("a")) == nil)
        #expect(try store.issuedAppealHash(sheet: "S1", key: F.key("b")) == nil)
    }
}
