import Foundation
import SaimaBase
import Testing

@Suite("Native trimming agrees with Foundation")
struct TrimmingTests {
    /// Every scalar of the BMP (surrogates excluded) placed around text: `trimmed` must give exactly what
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, and `trimmedSpaces` what `.whitespaces` gives.
    @Test func everyBMPScalarTrimsAsFoundationDoes() {
        var checked = 0
        var differences: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let pad = String(Character(scalar))
            for text in [pad + "题目 A" + pad, pad + pad] {
                checked += 1
                if text.trimmed != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                    differences.append(String(format: "U+%04X trimmed", value))
                }
                if text.trimmedSpaces != text.trimmingCharacters(in: .whitespaces) {
                    differences.append(String(format: "U+%04X trimmedSpaces", value))
                }
            }
        }
        #expect(checked > 120_000)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test func substringsAndCustomSetsTrim() {
        let line = "  　答案：B。\r\n".dropFirst(0)
        #expect(line.trimmed == "答案：B。")
        #expect("。.答案, ".trimmingScalars { "。.，, ".unicodeScalars.contains($0) } == "答案")
        #expect(" \t ".trimmed.isEmpty)
        #expect("".trimmedSpaces.isEmpty)
        // Line breaks are kept by `trimmedSpaces`.
        #expect(" a\n".trimmedSpaces == "a\n")
    }
}
