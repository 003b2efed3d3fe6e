/// Escaping for text placed in HTML (element content and quoted attribute values).
package enum HTMLText {
    /// Replaces `& < > " '` with entities, so that any string from a model answer, a submission
    /// or a track file shows as text and never becomes markup or script.
    package static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
