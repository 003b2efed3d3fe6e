import SaimaBase
import Foundation

/// The one place where Saima normalizes text before comparing a reply with a reference.
///
/// Two forms:
/// - `normalize(_:)`: Unicode NFKC (full-width letters, digits and punctuation become their ASCII forms,
///   U+3000 becomes a space), full lowercase mapping, every run of whitespace (Unicode White_Space)
///   collapsed to one space, leading and trailing whitespace removed.
/// - `matchingForm(_:)`: `normalize(_:)`, then every punctuation code point removed — Unicode general
///   categories Pc Pd Ps Pe Pi Pf Po, which cover ，。！？；：、“”‘’（）《》【】… and the ASCII characters
///   ``!"#%&'()*,-./:;?@[\]_{}`` — plus the backtick, except a period between two digits (a decimal point:
///   `1.25%` and `12.5%` must stay different); then whitespace collapsed again and any whitespace
///   next to a CJK character (see `CJK.isCJK`) dropped, so `2 小时` and `2小时` match.
///   ASCII symbols of category S (`$ + < = > ^ | ~`) are kept: `2<x<3` and `2>x>3` must stay different.
///
/// Simplified/traditional Chinese folding (国/國) is out of scope: the two scripts compare as different
/// characters. Reference-compatible metrics (ROUGE, BLEU, SQuAD F1) do not use this normalizer; they
/// tokenize exactly as their reference implementations do.
public enum TextNormalizer {
    /// NFKC, lowercased, whitespace collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
        return String(scalars: collapsingWhitespace(folded.unicodeScalars, dropNextToCJK: false))
    }

    /// `normalize(_:)` with punctuation removed and whitespace next to CJK characters dropped.
    public static func matchingForm(_ text: String) -> String {
        let folded = Array(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(folded.count)
        for (i, s) in folded.enumerated() {
            let decimalPoint =
                s == "." && i > 0 && i + 1 < folded.count && PythonText.isASCIIDigit(folded[i - 1])
                && PythonText.isASCIIDigit(folded[i + 1])
            if decimalPoint || !isPunctuation(s) { kept.append(s) }
        }
        return String(scalars: collapsingWhitespace(kept, dropNextToCJK: true))
    }

    /// Whether a code point counts as punctuation for `matchingForm(_:)`.
    public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s == "`" { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// Collapses whitespace runs to one space, trims, and optionally drops runs that touch a CJK character.
    private static func collapsingWhitespace(
        _ scalars: some Sequence<Unicode.Scalar>, dropNextToCJK: Bool
    ) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for s in scalars {
            if s.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, !(dropNextToCJK && (CJK.isCJK(s) || CJK.isCJK(out[out.count - 1]))) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(s)
        }
        return out
    }
}
