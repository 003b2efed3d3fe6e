import SaimaBase
import Testing

/// Percentiles interpolate linearly between order statistics, as numpy's default (`numpy.percentile`) does; the
/// expected values below are numpy's.
struct PercentileTests {
    /// The p-th percentile of 10, 20, 30, 40, 50.
    @Test(arguments: [(0.0, 10.0), (2.5, 11), (25, 20), (50, 30), (95, 48), (97.5, 49), (100, 50)])
    func percentilesOfFiveValues(p: Double, value: Double) {
        #expect(abs(Percentile.of(sorted: [10, 20, 30, 40, 50], p) - value) < 1e-12)
    }

    /// One value is every percentile; no values give 0; the interval sorts its input first.
    @Test func edgesAndTheInterval() {
        #expect(Percentile.of(sorted: [3.5], 2.5) == 3.5 && Percentile.of(sorted: [3.5], 97.5) == 3.5)
        #expect(Percentile.of(sorted: [], 50) == 0)
        let (low, high) = Percentile.interval95([8, -3, 2, -1])
        #expect(abs(low - -2.85) < 1e-12 && abs(high - 7.55) < 1e-12)
        #expect(abs(Percentile.of(sorted: [0.1, 0.2, 0.7], 95) - 0.65) < 1e-12)
    }

    /// A p outside 0…100 (or NaN) is clamped to the smallest or largest value instead of indexing out of range.
    @Test func outOfRangePercentilesAreClamped() {
        #expect(Percentile.of(sorted: [10, 20, 30], -5) == 10 && Percentile.of(sorted: [10, 20, 30], 250) == 30)
        #expect(Percentile.of(sorted: [10, 20, 30], .nan) == 10)
    }
}
