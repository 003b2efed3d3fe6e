/// Trimming in native Swift over Unicode scalars (Foundation's `trimmingCharacters(in:)` bridges through
/// `NSString` and was an eighth of the scoring time).
extension Substring {
    /// The text without leading and trailing Unicode `White_Space` scalars and U+200B ZERO WIDTH SPACE — the same
    /// set as Foundation's `CharacterSet.whitespacesAndNewlines` (tab, line feed … carriage return, U+0085, every
    /// `Z*` scalar and U+200B; a test checks every BMP scalar against Foundation).
    public var trimmed: String { trimmingScalars(Self.isWhitespace) }

    /// The text without leading and trailing spaces and tabs — Foundation's `CharacterSet.whitespaces`
    /// (tab, every `Zs` scalar and U+200B), line breaks kept.
    public var trimmedSpaces: String { trimmingScalars(Self.isSpace) }

    /// The text without leading and trailing scalars for which `drop` holds (scalar boundaries, like Foundation,
    /// not grapheme boundaries).
    public func trimmingScalars(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        var end = scalars.endIndex
        while end > first {
            let before = scalars.index(before: end)
            if !drop(scalars[before]) { break }
            end = before
        }
        if first == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(Substring(scalars[first..<end]))
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : (s.properties.isWhitespace || s.value == 0x200B)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80
            ? (s.value == 0x20 || s.value == 0x09) : (s.properties.generalCategory == .spaceSeparator || s.value == 0x200B)
    }
}

extension String {
    /// See `Substring.trimmed`.
    public var trimmed: String { self[...].trimmed }
    /// See `Substring.trimmedSpaces`.
    public var trimmedSpaces: String { self[...].trimmedSpaces }
    /// See `Substring.trimmingScalars(_:)`.
    public func trimmingScalars(_ drop: (Unicode.Scalar) -> Bool) -> String { self[...].trimmingScalars(drop) }
}
