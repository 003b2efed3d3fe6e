import Foundation

/// BLEU exactly as sacrebleu 2.x computes it (`sacrebleu.metrics.bleu.BLEU`, default settings: 4-gram,
/// case-sensitive, `smooth_method='exp'`), on sacrebleu's 0–100 scale.
///
/// Per segment (`_compute_segment_statistics`): hypothesis n-gram counts for n = 1…4 against the
/// per-n-gram maximum count over the segment's references; `correct[n] = Σ min(count_hyp, max_count_ref)`,
/// `total[n] = #hypothesis n-grams`; the reference length is the reference length closest to the hypothesis
/// length, the shorter one on a tie. A corpus sums these statistics. `compute_bleu`:
/// `BP = exp(1 − ref_len / sys_len)` when `sys_len < ref_len` (0 when `sys_len` = 0), else 1; BLEU = 0 when
/// no n-gram matches; for each n while `total[n] > 0`: `p_n = 100·correct[n] / total[n]`, or with `exp`
/// smoothing `100 / (2^k · total[n])` for the k-th order without a match; BLEU = `BP · exp(Σ log p_n / N)`
/// where N = 4, or with effective order the highest n with `total[n] > 0`, and log 0 = −9999999999.
/// Corpus BLEU uses `effective_order=False`; sentence BLEU (`sacrebleu.sentence_bleu`) uses `True`.
public enum SacreBLEU {
    /// The largest n-gram order.
    public static let maxOrder = 4

    /// The sufficient statistics of one segment, or of a corpus once summed.
    public struct Statistics: Sendable, Hashable {
        public var hypothesisLength = 0
        public var referenceLength = 0
        public var correct = [Int](repeating: 0, count: SacreBLEU.maxOrder)
        public var total = [Int](repeating: 0, count: SacreBLEU.maxOrder)

        public init() {}

        /// Adds another segment's statistics (`sum_of_lists`).
        public static func += (lhs: inout Statistics, rhs: Statistics) {
            lhs.hypothesisLength += rhs.hypothesisLength
            lhs.referenceLength += rhs.referenceLength
            for n in 0..<SacreBLEU.maxOrder {
                lhs.correct[n] += rhs.correct[n]
                lhs.total[n] += rhs.total[n]
            }
        }
    }

    /// Sentence BLEU (`sacrebleu.sentence_bleu(hypothesis, references, tokenize=…)`), 0–100.
    public static func sentenceScore(
        hypothesis: String, references: [String], tokenizer: SacreBLEUTokenizer
    ) -> Double {
        score(statistics(hypothesis: hypothesis, references: references, tokenizer: tokenizer), effectiveOrder: true)
    }

    /// Corpus BLEU (`sacrebleu.corpus_bleu(hypotheses, streams, tokenize=…)`), 0–100. `references[i]` holds
    /// the references of hypothesis i — the transpose of sacrebleu's reference streams; a segment may have
    /// fewer references than another, as sacrebleu allows with `None` entries.
    public static func corpusScore(
        hypotheses: [String], references: [[String]], tokenizer: SacreBLEUTokenizer
    ) -> Double {
        var sum = Statistics()
        for (hypothesis, refs) in zip(hypotheses, references) {
            sum += statistics(hypothesis: hypothesis, references: refs, tokenizer: tokenizer)
        }
        return score(sum, effectiveOrder: false)
    }

    /// The statistics of one segment. A segment without references (sacrebleu rejects those) gets reference
    /// length 0 and no matches.
    public static func statistics(
        hypothesis: String, references: [String], tokenizer: SacreBLEUTokenizer
    ) -> Statistics {
        var interner = TokenInterner<ArraySlice<Unicode.Scalar>>()
        let hyp = interner.ids(tokenizer.tokens(hypothesis))
        var refMax: [NGram: Int] = [:]
        var refLengths: [Int] = []
        for reference in references {
            let ref = interner.ids(tokenizer.tokens(reference))
            refLengths.append(ref.count)
            for (gram, count) in ngramCounts(ref) where count > refMax[gram] ?? 0 { refMax[gram] = count }
        }
        var stats = Statistics()
        stats.hypothesisLength = hyp.count
        stats.referenceLength = closestReferenceLength(hyp.count, refLengths)
        for (gram, count) in ngramCounts(hyp) {
            stats.total[gram.order - 1] += count
            stats.correct[gram.order - 1] += min(count, refMax[gram] ?? 0)
        }
        return stats
    }

    /// `BLEU.compute_bleu` with `smooth_method='exp'`.
    public static func score(_ stats: Statistics, effectiveOrder: Bool) -> Double {
        let sysLen = stats.hypothesisLength
        let refLen = stats.referenceLength
        var bp = 1.0
        if sysLen < refLen { bp = sysLen > 0 ? exp(1 - Double(refLen) / Double(sysLen)) : 0 }
        guard stats.correct.contains(where: { $0 != 0 }) else { return 0 }
        var precisions = [Double](repeating: 0, count: maxOrder)
        var smooth = 1.0
        var order = maxOrder
        for n in 1...maxOrder {
            let total = stats.total[n - 1]
            let correct = stats.correct[n - 1]
            if total == 0 { break }
            if effectiveOrder { order = n }
            if correct == 0 {
                smooth *= 2
                precisions[n - 1] = 100 / (smooth * Double(total))
            } else {
                precisions[n - 1] = 100 * Double(correct) / Double(total)
            }
        }
        var logSum = 0.0
        for p in precisions[0..<order] { logSum += p == 0 ? -9_999_999_999 : log(p) }
        return bp * exp(logSum / Double(order))
    }

    /// `BLEU._get_closest_ref_len`; -1 when there is no reference, which we report as 0.
    static func closestReferenceLength(_ hypothesisLength: Int, _ lengths: [Int]) -> Int {
        var closestDiff = -1
        var closest = -1
        for length in lengths {
            let diff = abs(hypothesisLength - length)
            if closestDiff == -1 || diff < closestDiff {
                closestDiff = diff
                closest = length
            } else if diff == closestDiff, length < closest {
                closest = length
            }
        }
        return max(closest, 0)
    }

    /// An n-gram of token ids, 1 ≤ n ≤ 4; unused positions hold -1.
    struct NGram: Hashable {
        var ids: SIMD4<Int32>
        var order: Int { ids[3] >= 0 ? 4 : ids[2] >= 0 ? 3 : ids[1] >= 0 ? 2 : 1 }
    }

    /// `extract_all_word_ngrams(line, 1, 4)`.
    static func ngramCounts(_ ids: [Int32]) -> [NGram: Int] {
        var counts: [NGram: Int] = [:]
        for n in 1...maxOrder where ids.count >= n {
            for i in 0...(ids.count - n) {
                var gram = SIMD4<Int32>(repeating: -1)
                for k in 0..<n { gram[k] = ids[i + k] }
                counts[NGram(ids: gram), default: 0] += 1
            }
        }
        return counts
    }
}
