import SaimaBase
import Testing

/// Sums of untrusted counts clamp at `Int.min` and `Int.max` instead of trapping, and are exact otherwise.
struct SaturatingArithmeticTests {
    /// a + b and b + a give the exact sum, or the bound it passes.
    @Test(arguments: [
        (Int.max, 1, Int.max), (Int.min, -1, Int.min), (Int.max, Int.max, Int.max), (Int.min, Int.min, Int.min),
        (Int.max - 1, 1, Int.max), (Int.max, Int.min, -1), (5, -7, -2), (0, 0, 0),
    ])
    func sumsClampAtTheBounds(a: Int, b: Int, sum: Int) {
        #expect(a.saturatingAdd(b) == sum)
        #expect(b.saturatingAdd(a) == sum)
    }
}
