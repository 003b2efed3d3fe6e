import Foundation

/// `application/x-www-form-urlencoded` bodies: `a=1&b=x+y%20z` → fields. A repeated name keeps every value, joined
/// by `,` (checkbox groups such as tracks); a malformed escape keeps the text as sent.
package enum FormBody {
    package static func parse(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if let old = fields[name] { fields[name] = old + "," + value } else { fields[name] = value }
        }
        return fields
    }

    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
