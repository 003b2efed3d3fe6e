#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over Unicode scalars, for text that comes from contestants' replies: Foundation's
/// `String.contains(_:)` on Linux goes through UTF-16 ranges and was seen to trap ("String index is out of bounds")
/// on fuzzed input, so scoring never calls it on untrusted text. It is also several times faster than Foundation's
/// search, which folds character clusters.
package enum ScalarSearch {
    /// Whether `needle`'s scalars occur contiguously in `haystack`'s (an empty needle always does).
    ///
    /// Searched as UTF-8 bytes, without copying either string: in valid UTF-8 (every Swift string) a match of the
    /// needle's bytes starts on a lead byte and ends where the needle's last scalar ends, so it is exactly a match of
    /// its scalars.
    package static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in bytes(hb, contain: nb) } }
    }

    /// Whether `needle` occurs in `haystack` (an empty needle always does).
    static func bytes(_ haystack: UnsafeBufferPointer<UInt8>, contain needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let nb = needle.baseAddress, !needle.isEmpty else { return true }
        guard var rest = haystack.baseAddress, needle.count <= haystack.count else { return false }
        // Each place the needle's first byte occurs (memchr), compared whole (memcmp).
        var left = haystack.count
        while left >= needle.count {
            guard let hit = memchr(rest, Int32(nb.pointee), left - needle.count + 1) else { return false }
            let at = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(at, nb, needle.count) == 0 { return true }
            left -= at - rest + 1
            rest = at + 1
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
