/// Percentiles with linear interpolation between order statistics (numpy's default method).
public enum Percentile {
    public static func of<Values: RandomAccessCollection<Double>>(sorted values: Values, _ p: Double) -> Double
    where Values.Index == Int {
        guard !values.isEmpty else { return 0 }
        // p outside 0…100 (or NaN) is clamped: the smallest or largest value, never an index out of range.
        let clamped = p.isNaN ? 0 : min(100, max(0, p))
        let position = clamped / 100 * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(values.count - 1, lower + 1)
        let fraction = position - Double(lower)
        let base = values.startIndex
        return values[base + lower] + (values[base + upper] - values[base + lower]) * fraction
    }

    /// The 2.5th and 97.5th percentiles.
    public static func interval95(_ values: [Double]) -> (low: Double, high: Double) {
        let sorted = values.sorted()
        return (of(sorted: sorted, 2.5), of(sorted: sorted, 97.5))
    }
}
