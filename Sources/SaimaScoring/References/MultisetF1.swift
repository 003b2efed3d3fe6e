/// F1 over token multisets, as the SQuAD v2.0 evaluation script's `compute_f1` defines it:
/// `common = Σ_t min(count_prediction(t), count_reference(t))`; when either side has no token the score is
/// 1 if both have none, else 0; when `common` = 0 it is 0; otherwise `p = common / |prediction|`,
/// `r = common / |reference|`, `F1 = 2·p·r / (p + r)` (evaluated in that order, as Python does).
enum MultisetF1 {
    static func f1<Token: Hashable>(prediction: [Token], reference: [Token]) -> Double {
        if prediction.isEmpty || reference.isEmpty { return prediction.isEmpty && reference.isEmpty ? 1 : 0 }
        var counts: [Token: Int] = [:]
        for t in reference { counts[t, default: 0] += 1 }
        var common = 0
        for t in prediction {
            if let c = counts[t], c > 0 {
                common += 1
                counts[t] = c - 1
            }
        }
        if common == 0 { return 0 }
        let precision = Double(common) / Double(prediction.count)
        let recall = Double(common) / Double(reference.count)
        return 2 * precision * recall / (precision + recall)
    }
}
