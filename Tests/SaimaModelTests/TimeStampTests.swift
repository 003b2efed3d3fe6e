import Foundation
import SaimaBase
import Testing

/// The ICU-free timestamp writes what `ISO8601DateFormatter` writes, to the character.
@Suite("ISO 8601 timestamps without ICU")
struct TimeStampTests {
    @Test func matchesFoundationsFormatterOnManyDates() {
        let formatter = ISO8601DateFormatter()
        var generator = SeededGenerator(seed: 42)
        var dates: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.5), Date(timeIntervalSince1970: 0.999),
            Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_399.75),  // 2100-02-28T23:59:59
            Date(timeIntervalSince1970: -2_208_988_800),  // 1900-01-01
        ]
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: Double(generator.below(10_000_000_000)) / 1.7 - 2_000_000_000))
        }
        for date in dates { #expect(TimeStamp.iso8601(date) == formatter.string(from: date), "\(date.timeIntervalSince1970)") }
    }
}
