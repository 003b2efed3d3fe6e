import Foundation

/// Inter-rater agreement measures.
package enum Agreement {
    /// Krippendorff's alpha for interval data.
    ///
    /// `units[u]` holds the values the judges gave unit u (missing judgements simply absent).
    /// Only units with at least two values are pairable. With n the number of pairable values:
    /// D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j∈u} (v_i − v_j)², D_e = 1/(n(n − 1)) Σ_{c≠k} (v_c − v_k)² over all
    /// pairable values, α = 1 − D_o / D_e. Returns nil when there is no variation at all (D_e = 0)
    /// or fewer than two pairable values.
    package static func krippendorffAlphaInterval(_ units: [[Double]]) -> Double? {
        let pairable = units.filter { $0.count >= 2 }
        let values = pairable.flatMap { $0 }
        let n = Double(values.count)
        guard n >= 2 else { return nil }
        var observed = 0.0
        for unit in pairable {
            var sum = 0.0
            for i in unit.indices { for j in unit.indices where i != j { sum += pow(unit[i] - unit[j], 2) } }
            observed += sum / Double(unit.count - 1)
        }
        observed /= n
        // Σ_{c≠k} (v_c − v_k)² = 2 n Σ v² − 2 (Σ v)², computed directly.
        let sum = values.reduce(0, +)
        let squares = values.reduce(0) { $0 + $1 * $1 }
        let expected = (2 * n * squares - 2 * sum * sum) / (n * (n - 1))
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }

    /// Spearman's rank correlation of paired values (ties get average ranks; Pearson on ranks).
    package static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        return pearson(ranks(x), ranks(y))
    }

    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            sxy += (x[i] - mx) * (y[i] - my)
            sxx += (x[i] - mx) * (x[i] - mx)
            syy += (y[i] - my) * (y[i] - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Mean Spearman correlation over every pair of judges, each pair on the units both graded.
    /// `scores[judge][unit]`.
    static func meanPairwiseSpearman(_ scores: [String: [String: Double]]) -> Double? {
        let judges = scores.keys.sorted()
        var values: [Double] = []
        for a in 0..<judges.count {
            for b in (a + 1)..<judges.count {
                let common = Set(scores[judges[a]]!.keys).intersection(scores[judges[b]]!.keys).sorted()
                if let r = spearman(common.map { scores[judges[a]]![$0]! }, common.map { scores[judges[b]]![$0]! }) {
                    values.append(r)
                }
            }
        }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The combined human score of one answer: the mean of its judges' scores, or, with five or
    /// more judges, the mean after dropping the single highest and lowest (as contests often do).
    package static func combined(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let kept = sorted.count >= 5 ? Array(sorted.dropFirst().dropLast()) : sorted
        return kept.reduce(0, +) / Double(kept.count)
    }
}
