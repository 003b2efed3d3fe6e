/// Which code points Saima treats as Chinese (CJK) when it detects a language or joins words.
enum CJK {
    /// CJK Unified Ideographs and extensions (U+3400–4DBF, U+4E00–9FFF, U+20000–323AF), CJK Compatibility
    /// Ideographs (U+F900–FAFF, U+2F800–2FA1F), and CJK Symbols and Punctuation (U+3000–303F).
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
        default: false
        }
    }

    /// Whether a text holds at least one CJK ideograph (punctuation alone does not count).
    static func containsIdeograph(_ text: String) -> Bool {
        text.unicodeScalars.contains { isCJK($0) && !(0x3000...0x303F).contains($0.value) }
    }
}
