import SaimaBase
import Foundation
import SaimaRegistry

/// Bounds on every value a portal user types: what is accepted, and the bilingual message when it is not.
package enum PortalForm {
    /// A user name: 3–32 of a–z, 0–9, `-`, `_`.
    package static func checkUsername(_ s: String) throws(PortalError) {
        guard (3...32).contains(s.count), s.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
        else { throw .invalid("用户名须为 3–32 个小写字母、数字、-、_。A user name is 3–32 of a–z, 0–9, - and _.") }
    }

    /// A password: 10–128 characters.
    package static func checkPassword(_ s: String) throws(PortalError) {
        guard (10...128).contains(s.count) else { throw .invalid("密码须为 10–128 个字符。A password has 10–128 characters.") }
    }

    /// A team id, as in `Submissions/<id>/` (so that portal teams export to the same files).
    static func checkTeamID(_ s: String) throws(PortalError) {
        guard s.count <= 40, SubmissionLoader.isValidTeamID(s) else {
            throw .invalid("队伍 ID 须为小写字母、数字、-、_（最多 40 个）。A team id is up to 40 of a–z, 0–9, - and _.")
        }
    }

    /// A free-text field of at most `limit` characters, trimmed; `required` refuses an empty one. Control
    /// characters other than none are refused (names are shown on boards and exported to YAML).
    package static func text(_ s: String?, field: String, limit: Int, required: Bool = true) throws(PortalError) -> String {
        let t = (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if required, t.isEmpty { throw .invalid("请填写\(field)。\(field) is required.") }
        guard t.count <= limit else { throw .invalid("\(field)最多 \(limit) 个字符。\(field) has at most \(limit) characters.") }
        guard !t.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalid("\(field)含控制字符。\(field) contains control characters.")
        }
        return t
    }

    /// An endpoint's base URL, by the same policy as `submission.yaml`.
    static func checkBaseURL(_ s: String) throws(PortalError) {
        guard s.count <= 300 else { throw .invalid("地址过长。The base URL is too long.") }
        if let problem = EndpointPolicy.urlProblem(s) { throw .invalid(problem) }
    }

    /// An integer field within `range`.
    package static func integer(_ s: String?, field: String, in range: ClosedRange<Int>) throws(PortalError) -> Int {
        guard let s, let v = Int(s.trimmingCharacters(in: .whitespaces)), range.contains(v) else {
            throw .invalid("\(field)须为 \(range.lowerBound)–\(range.upperBound) 的整数。\(field) is a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return v
    }
}
