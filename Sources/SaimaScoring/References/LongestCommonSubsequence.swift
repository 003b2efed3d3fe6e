/// Length of the longest common subsequence of two token-id sequences.
///
/// `length` is the bit-parallel algorithm of Hyyrö (2004, after Allison & Dix 1986): one machine word holds
/// 64 cells of a row of the classic LCS table, so the time is O(n·⌈m/64⌉) and the extra memory is one bit
/// vector of m bits per distinct token of the shorter sequence (m = the shorter length), never an n×m table.
/// `lengthByTable` is the textbook O(n·m) dynamic program with one row of memory; tests check that the two
/// agree, and rouge-score's `_lcs_table` computes the same number.
enum LongestCommonSubsequence {
    /// The LCS length of `a` and `b`, whose ids are all in `0..<alphabetSize`.
    static func length(_ a: [Int32], _ b: [Int32], alphabetSize: Int) -> Int {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        let m = short.count
        guard m > 0 else { return 0 }
        let words = (m + 63) >> 6
        // A slot per distinct token of the shorter sequence; tokens absent from it never change the vector.
        var slot = [Int32](repeating: -1, count: alphabetSize)
        var masks: [UInt64] = []
        for (j, token) in short.enumerated() {
            if slot[Int(token)] < 0 {
                slot[Int(token)] = Int32(masks.count / words)
                masks.append(contentsOf: repeatElement(0, count: words))
            }
            masks[Int(slot[Int(token)]) * words + (j >> 6)] |= 1 << UInt64(j & 63)
        }
        var v = [UInt64](repeating: ~0, count: words)
        masks.withUnsafeBufferPointer { masks in
            v.withUnsafeMutableBufferPointer { v in
                for token in long {
                    let s = Int(slot[Int(token)])
                    if s < 0 { continue }
                    let base = s * words
                    var carry: UInt64 = 0
                    for w in 0..<words {
                        let match = masks[base + w]
                        let old = v[w]
                        let (sum, overflow1) = old.addingReportingOverflow(old & match)
                        let (withCarry, overflow2) = sum.addingReportingOverflow(carry)
                        carry = overflow1 || overflow2 ? 1 : 0
                        v[w] = withCarry | (old & ~match)
                    }
                }
            }
        }
        var zeros = 0
        for w in 0..<words {
            let validBits = w == words - 1 && m & 63 != 0 ? m & 63 : 64
            let valid: UInt64 = validBits == 64 ? ~0 : (1 << UInt64(validBits)) - 1
            zeros += (~v[w] & valid).nonzeroBitCount
        }
        return zeros
    }

    /// The same length by the O(n·m) dynamic program of rouge-score's `_lcs_table`, keeping one row.
    static func lengthByTable(_ a: [Int32], _ b: [Int32]) -> Int {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        guard !short.isEmpty else { return 0 }
        var row = [Int](repeating: 0, count: short.count + 1)
        for x in long {
            var diagonal = 0
            for j in 1...short.count {
                let above = row[j]
                row[j] = x == short[j - 1] ? diagonal + 1 : max(above, row[j - 1])
                diagonal = above
            }
        }
        return row[short.count]
    }
}
