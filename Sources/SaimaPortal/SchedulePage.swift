import Foundation
import SaimaBase
/// The schedule as pages show it and as the organizer's form edits it: per phase a planned start (UTC, to the
/// minute; empty when the organizer moves by hand) and, for the phases that allow self-tests, the per-day and
/// per-phase quotas.
enum SchedulePage {
    /// The form field holding a phase's start, daily quota and phase quota.
    static func field(_ name: String, _ phase: Phase) -> String { "\(name)_\(phase.rawValue)" }

    /// The organizer's form: one row per phase.
    static func form(_ plans: [PortalStore.PhasePlan], context: PortalContext) -> String {
        let rows = plans.map { p in
            var row = [PortalHTML.text(p.phase.label),
                       "<input type=\"datetime-local\" name=\"\(field("starts", p.phase))\" value=\"\(p.starts.map(inputValue) ?? "")\" aria-label=\"\(PortalHTML.text(p.phase.label)) 开始 starts\">"]
            if p.phase.selfTestsPossible {
                row += [number(field("day", p.phase), p.quota.perDay, max: 1000), number(field("total", p.phase), p.quota.total, max: 100_000)]
            } else {
                row += ["—", "—"]
            }
            return row
        }
        let table = PortalHTML.table(["阶段 Phase", "开始（UTC）Starts (UTC)", "每日自测 Self-tests per day", "本阶段自测 Self-tests in the phase"], rows, id: "schedule")
        return "<p>到开始时间时门户自动进入该阶段（只向前）；留空则由组织方手动切换。总配额为 0 即该阶段不开放自测。"
            + "The portal moves to a phase when its start passes (forward only); leave it empty to move by hand. A total of 0 means no self-tests in that phase.</p>"
            + PortalHTML.form(action: "/organizer/schedule", context: context, fields: table, button: "保存赛程 Save the schedule")
    }

    /// The public view: each phase and when it starts.
    static func publicTable(_ plans: [PortalStore.PhasePlan], current: Phase) -> String {
        guard plans.contains(where: { $0.starts != nil }) else { return "" }
        return "<h2>赛程 Schedule</h2>" + PortalHTML.table(
            ["阶段 Phase", "开始 Starts"],
            plans.map { p in
                [(p.phase == current ? "▶ " : "") + PortalHTML.text(p.phase.label),
                 p.starts.map { PortalHTML.time($0) } ?? "待定 to be announced"]
            }, id: "schedule")
    }

    /// The schedule in the form's fields, bounded like every form value.
    static func parse(_ form: [String: String]) throws(PortalError) -> [PortalStore.PhasePlan] {
        var plans: [PortalStore.PhasePlan] = []
        for phase in Phase.allCases {
            let raw = (form[field("starts", phase)] ?? "").trimmingCharacters(in: .whitespaces)
            var starts: Date?
            if !raw.isEmpty {
                guard let date = parseInput(raw) else {
                    throw .invalid("“\(phase.label)”的开始时间须为 YYYY-MM-DDTHH:MM。The start of \(phase.label) is YYYY-MM-DDTHH:MM (UTC).")
                }
                starts = date
            }
            var quota = PortalStore.Quota.none
            if phase.selfTestsPossible {
                quota = PortalStore.Quota(
                    perDay: try PortalForm.integer(form[field("day", phase)], field: "\(phase.label) 每日 per day", in: 0...1000),
                    total: try PortalForm.integer(form[field("total", phase)], field: "\(phase.label) 总计 in total", in: 0...100_000))
            }
            plans.append(PortalStore.PhasePlan(phase: phase, starts: starts, quota: quota))
        }
        return plans
    }

    /// One line for the audit log.
    static func summary(_ plans: [PortalStore.PhasePlan]) -> String {
        plans.map { p in
            "\(p.phase.rawValue) \(p.starts.map { PortalHTML.time($0) } ?? "—")"
                + (p.phase.selfTestsPossible ? " \(p.quota.perDay)/day \(p.quota.total)/phase" : "")
        }.joined(separator: "; ")
    }

    static func number(_ name: String, _ value: Int, max: Int) -> String {
        "<input type=\"number\" min=\"0\" max=\"\(max)\" name=\"\(name)\" value=\"\(value)\" required aria-label=\"\(name)\">"
    }

    /// `datetime-local`'s value for a date, in UTC: `YYYY-MM-DDTHH:MM`.
    static func inputValue(_ date: Date) -> String { String(TimeStamp.iso8601(date).prefix(16)) }

    /// A `datetime-local` value read as UTC (seconds allowed); nil when it is not one, or outside 2000–2100.
    static func parseInput(_ s: String) -> Date? {
        guard s.count <= 19 else { return nil }
        let full = s.count == 16 ? s + ":00" : s
        guard let date = ISO8601DateFormatter().date(from: full + "Z"), (946_684_800...4_102_444_800).contains(date.timeIntervalSince1970) else { return nil }
        return date
    }
}
