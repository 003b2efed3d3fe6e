extension Int {
    /// `self + other`, clamped to `Int.min...Int.max` instead of trapping on overflow: for totals of numbers
    /// that come from untrusted input (token counts reported by contestants' servers).
    public func saturatingAdd(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
