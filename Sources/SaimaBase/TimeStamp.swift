public import Foundation

/// UTC timestamps as ISO 8601 text, `2026-11-30T10:25:29Z`: exactly what `ISO8601DateFormatter()` writes by default
/// (whole seconds, fraction dropped), computed with `gmtime_r` instead of ICU. The formatter loads ICU's calendar
/// data, about 4 MB of resident memory, for every run that writes one timestamp.
public enum TimeStamp {
    /// `date` in UTC, to the second (the fraction is dropped toward the past, as the formatter does).
    public static func iso8601(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, abs(seconds) < 1e15 else { return ISO8601DateFormatter().string(from: date) }
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil, parts.tm_year + 1900 >= 0, parts.tm_year + 1900 <= 9999 else {
            return ISO8601DateFormatter().string(from: date)
        }
        func pad(_ n: Int32, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(parts.tm_year + 1900, 4) + "-" + pad(parts.tm_mon + 1, 2) + "-" + pad(parts.tm_mday, 2) + "T"
            + pad(parts.tm_hour, 2) + ":" + pad(parts.tm_min, 2) + ":" + pad(parts.tm_sec, 2) + "Z"
    }
}
