/// Substring search over Unicode scalars, for text that comes from contestants' replies: Foundation's
/// `String.contains(_:)` on Linux goes through UTF-16 ranges and was seen to trap ("String index is out of bounds")
/// on fuzzed input, so scoring never calls it on untrusted text. It is also several times faster than Foundation's
/// search, which folds character clusters.
package enum ScalarSearch {
    /// Whether `needle`'s scalars occur contiguously in `haystack`'s (an empty needle always does).
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty else { return true }
        guard n.count <= h.count else { return false }
        let first = n[0]
        var i = 0
        while i + n.count <= h.count {
            if h[i] == first, h[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }

    /// `haystack` with every occurrence of `needle` (non-empty) replaced by `replacement`, scanning left to right, and
    /// whether any was found.
    package static func replacing(_ needle: String, in haystack: String, with replacement: Unicode.Scalar) -> (String, Bool) {
        let h = Array(haystack.unicodeScalars)
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, n.count <= h.count else { return (haystack, false) }
        var out = String.UnicodeScalarView()
        var found = false
        var i = 0
        while i < h.count {
            if i + n.count <= h.count, h[i] == n[0], h[i..<(i + n.count)].elementsEqual(n) {
                out.append(replacement)
                found = true
                i += n.count
            } else {
                out.append(h[i])
                i += 1
            }
        }
        return (String(out), found)
    }

    /// Whether `text`'s scalars start with `prefix`'s.
    package static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.unicodeScalars.starts(with: prefix.unicodeScalars)
    }
}
