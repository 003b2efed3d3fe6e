import ArgumentParser
import SaimaPipeline

/// Range checks for numeric command-line options: an out-of-range value is a clear usage error before
/// anything runs, never a trap or a silently degenerate result (a bootstrap of 0 resamples is not an interval).
enum OptionBounds {
    static func check<T: Comparable & CustomStringConvertible>(_ value: T, _ range: ClosedRange<T>, _ option: String)
        throws
    {
        guard range.contains(value) else {
            throw ValidationError(
                "--\(option) must be from \(range.lowerBound) to \(range.upperBound), not \(value) / --\(option) 超出范围")
        }
    }

    static func check(_ value: Double, _ range: ClosedRange<Double>, _ option: String) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError(
                "--\(option) must be from \(range.lowerBound) to \(range.upperBound), not \(value) / --\(option) 超出范围")
        }
    }
}
