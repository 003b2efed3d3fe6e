/// ROUGE-N and ROUGE-L exactly as Google's `rouge-score` 0.1.2 computes them (`rouge_scorer.py`).
///
/// - ROUGE-N: n-gram multisets of target and prediction; `overlap = Σ min(count_target, count_prediction)`;
///   `precision = overlap / max(#prediction n-grams, 1)`, `recall = overlap / max(#target n-grams, 1)`.
/// - ROUGE-L: `lcs = LCS(target, prediction)`; 0 for all three when either side has no token;
///   `precision = lcs / #prediction tokens`, `recall = lcs / #target tokens`.
/// - F-measure: `2·p·r / (p + r)` when `p + r > 0`, else 0 (`scoring.fmeasure`), evaluated in that order so
///   the floating-point result is bit-identical to Python's.
/// - Several references: the score against the reference with the highest F-measure (`score_multi`).
public enum Rouge {
    /// Which ROUGE to compute.
    public enum Kind: Sendable, Hashable {
        /// ROUGE-L (longest common subsequence, sentence level, rouge-score's `rougeL`).
        case longestCommonSubsequence
        /// ROUGE-N for n ≥ 1 (`rouge1`, `rouge2`, …).
        case ngram(Int)
    }

    /// Precision, recall and F-measure, as rouge-score's `Score` tuple.
    public struct Score: Sendable, Hashable {
        public var precision: Double
        public var recall: Double
        public var fmeasure: Double
        public static let zero = Score(precision: 0, recall: 0, fmeasure: 0)
    }

    /// ROUGE of `prediction` against one `target`, tokenized for `language` (see `RougeTokenizer`).
    public static func score(target: String, prediction: String, kind: Kind, language: ScoringLanguage) -> Score {
        let (t, p, alphabet): ([Int32], [Int32], Int)
        switch language {
        case .zh:
            let targetTokens = RougeTokenizer.chinese(target)
            let predictionTokens = RougeTokenizer.chinese(prediction)
            var interner = ScalarInterner(capacity: targetTokens.count + predictionTokens.count)
            t = interner.ids(targetTokens)
            p = interner.ids(predictionTokens)
            alphabet = interner.count
        case .en:
            var interner = TokenInterner<ArraySlice<Unicode.Scalar>>()
            t = interner.ids(RougeTokenizer.english(target))
            p = interner.ids(RougeTokenizer.english(prediction))
            alphabet = interner.count
        }
        switch kind {
        case .longestCommonSubsequence: return lcs(target: t, prediction: p, alphabetSize: alphabet)
        case .ngram(let n): return ngram(target: t, prediction: p, n: n, alphabetSize: alphabet)
        }
    }

    /// The best score over several targets: the first with the maximum F-measure (numpy `argmax`).
    public static func scoreMulti(
        targets: [String], prediction: String, kind: Kind, language: ScoringLanguage
    ) -> Score? {
        var best: Score?
        for target in targets {
            let s = score(target: target, prediction: prediction, kind: kind, language: language)
            if s.fmeasure > best?.fmeasure ?? -1 { best = s }
        }
        return best
    }

    /// rouge-score's `_score_lcs` over token ids.
    static func lcs(target: [Int32], prediction: [Int32], alphabetSize: Int) -> Score {
        guard !target.isEmpty, !prediction.isEmpty else { return .zero }
        let length = Double(LongestCommonSubsequence.length(target, prediction, alphabetSize: alphabetSize))
        let precision = length / Double(prediction.count)
        let recall = length / Double(target.count)
        return Score(precision: precision, recall: recall, fmeasure: fmeasure(precision, recall))
    }

    /// rouge-score's `_score_ngrams(_create_ngrams(target, n), _create_ngrams(prediction, n))` over token ids.
    static func ngram(target: [Int32], prediction: [Int32], n: Int, alphabetSize: Int) -> Score {
        precondition(n >= 1, "ROUGE-N needs n ≥ 1")
        let targetCounts = NGramCounts(target, n: n, alphabetSize: alphabetSize)
        let predictionCounts = NGramCounts(prediction, n: n, alphabetSize: alphabetSize)
        let overlap = targetCounts.overlap(with: predictionCounts)
        let precision = Double(overlap) / Double(max(predictionCounts.total, 1))
        let recall = Double(overlap) / Double(max(targetCounts.total, 1))
        return Score(precision: precision, recall: recall, fmeasure: fmeasure(precision, recall))
    }

    /// `scoring.fmeasure`.
    static func fmeasure(_ precision: Double, _ recall: Double) -> Double {
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
}

/// The multiset of n-grams of a token-id sequence. An n-gram is packed into one integer (base = alphabet
/// size) when that cannot overflow, else kept as an array.
struct NGramCounts {
    private var packed: [Int: Int] = [:]
    private var unpacked: [[Int32]: Int] = [:]
    /// The number of n-grams, `max(count - n + 1, 0)`.
    private(set) var total = 0

    init(_ ids: [Int32], n: Int, alphabetSize: Int) {
        guard ids.count >= n else { return }
        total = ids.count - n + 1
        var fits = true
        var capacity = 1
        for _ in 0..<n {
            let (next, overflow) = capacity.multipliedReportingOverflow(by: max(alphabetSize, 1))
            if overflow {
                fits = false
                break
            }
            capacity = next
        }
        for i in 0..<total {
            if fits {
                var key = 0
                for k in i..<(i + n) { key = key * alphabetSize + Int(ids[k]) }
                packed[key, default: 0] += 1
            } else {
                unpacked[Array(ids[i..<(i + n)]), default: 0] += 1
            }
        }
    }

    /// `Σ min(self[g], other[g])` over the n-grams `g` of `self`.
    func overlap(with other: NGramCounts) -> Int {
        var sum = 0
        for (key, count) in packed { sum += min(count, other.packed[key] ?? 0) }
        for (key, count) in unpacked { sum += min(count, other.unpacked[key] ?? 0) }
        return sum
    }
}
