/// The Wilson score interval at 95% (z = 1.96) for a proportion `p` observed in `n` trials: the bounds of the true
/// proportion, clamped to [0, 1]. Defined for `n` ≥ 1.
public func wilsonInterval(_ p: Double, n: Int) -> (low: Double, high: Double) {
    let z = 1.959963984540054
    let nn = Double(n)
    let denominator = 1 + z * z / nn
    let centre = (p + z * z / (2 * nn)) / denominator
    let half = z * ((p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot()) / denominator
    return (max(0, centre - half), min(1, centre + half))
}
