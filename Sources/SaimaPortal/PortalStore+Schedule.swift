package import Foundation
import GRDB

/// The contest's schedule: for each phase a planned start (optional) and the self-test quota that holds while it is
/// the current phase. Definitions: a phase's **quota** is how many self-tests one team may start while that phase
/// is current — at most `perDay` per UTC day and `total` in the whole phase; a total of 0 means no self-tests in that
/// phase. Closed and published phases never allow self-tests, whatever is stored.
extension PortalStore {
    /// Self-test quotas per team within one phase: per UTC day and in the whole phase.
    package struct Quota: Sendable, Hashable {
        package var perDay: Int
        package var total: Int
        package init(perDay: Int, total: Int) { (self.perDay, self.total) = (perDay, total) }
        /// No self-tests.
        package static let none = Quota(perDay: 0, total: 0)
    }

    /// One phase's plan.
    package struct PhasePlan: Sendable, Hashable {
        package var phase: Phase
        /// When the phase starts by the schedule (the portal moves to it then); nil when the organizer moves by hand.
        package var starts: Date?
        package var quota: Quota
        package init(phase: Phase, starts: Date?, quota: Quota) { (self.phase, self.starts, self.quota) = (phase, starts, quota) }
    }

    /// The quota of a fresh portal: three a day and twenty in all in the dev phase, none elsewhere.
    static func defaultQuota(_ phase: Phase) -> Quota { phase == .dev ? Quota(perDay: 3, total: 20) : .none }

    /// Every phase's plan, in phase order.
    package func schedule() throws -> [PhasePlan] {
        let rows = try read { try Row.fetchAll($0, sql: "SELECT * FROM phase_plan") }
        var byPhase: [Phase: PhasePlan] = [:]
        for row in rows {
            guard let phase = Phase(rawValue: row["phase"]) else { continue }
            byPhase[phase] = PhasePlan(
                phase: phase, starts: (row["starts"] as Double?).map(Date.init(timeIntervalSince1970:)),
                quota: Quota(perDay: row["quota_day"], total: row["quota_total"]))
        }
        return Phase.allCases.map { byPhase[$0] ?? PhasePlan(phase: $0, starts: nil, quota: Self.defaultQuota($0)) }
    }

    /// The self-test quota of `phase` (none for closed and published).
    package func quota(for phase: Phase) throws -> Quota {
        guard phase.selfTestsPossible else { return .none }
        return try schedule().first { $0.phase == phase }?.quota ?? Self.defaultQuota(phase)
    }

    /// Replaces the whole schedule in one transaction, after checking it: planned starts in phase order, each
    /// later than the one before; quotas within bounds, a daily quota no larger than the phase's total.
    package func setSchedule(_ plans: [PhasePlan]) throws {
        try Self.check(plans)
        try write { db in
            for p in plans {
                try db.execute(sql: """
                    INSERT INTO phase_plan (phase, starts, quota_day, quota_total) VALUES (?, ?, ?, ?)
                    ON CONFLICT(phase) DO UPDATE SET starts = excluded.starts, quota_day = excluded.quota_day,
                      quota_total = excluded.quota_total
                    """, arguments: [p.phase.rawValue, p.starts?.timeIntervalSince1970, p.quota.perDay, p.quota.total])
            }
        }
    }

    static func check(_ plans: [PhasePlan]) throws(PortalError) {
        guard plans.map(\.phase) == Phase.allCases else { throw .invalid("赛程须列出每个阶段。The schedule lists every phase once, in order.") }
        var previous: (Phase, Date)?
        for p in plans {
            if let starts = p.starts {
                if let (earlier, at) = previous, starts <= at {
                    throw .invalid("“\(p.phase.label)”的开始时间须晚于“\(earlier.label)”。\(p.phase.label) must start after \(earlier.label).")
                }
                previous = (p.phase, starts)
            }
            guard p.quota.perDay >= 0, p.quota.total >= 0, p.quota.perDay <= p.quota.total || p.quota.total == 0 else {
                throw .invalid("“\(p.phase.label)”的每日配额不能超过总配额。The daily quota of \(p.phase.label) exceeds its total.")
            }
            if !p.phase.selfTestsPossible, p.quota != .none {
                throw .invalid("“\(p.phase.label)”阶段不能自测。No self-tests run in \(p.phase.label).")
            }
        }
    }

    /// The phase the schedule says should be current at `now`: the latest phase whose planned start has passed, or
    /// nil when none has.
    func scheduledPhase(at now: Date) throws -> Phase? {
        try schedule().last { $0.starts.map { $0 <= now } ?? false }?.phase
    }

    /// The migration adding the schedule: one row per phase (the old single quota becomes the dev phase's), and
    /// each run's phase (self-tests are counted against the quota of the phase they started in).
    static func migrateSchedule(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE phase_plan (
              phase TEXT PRIMARY KEY, starts REAL, quota_day INTEGER NOT NULL, quota_total INTEGER NOT NULL);
            ALTER TABLE runs ADD COLUMN phase TEXT;
            UPDATE runs SET phase = 'dev' WHERE kind = 'selftest';
            UPDATE runs SET phase = 'test' WHERE kind = 'official';
            """)
        let day = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'quota_day'").flatMap { Int($0) }
        let total = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'quota_total'").flatMap { Int($0) }
        for phase in Phase.allCases {
            var q = defaultQuota(phase)
            if phase == .dev { q = Quota(perDay: day ?? q.perDay, total: total ?? q.total) }
            try db.execute(
                sql: "INSERT INTO phase_plan (phase, starts, quota_day, quota_total) VALUES (?, NULL, ?, ?)",
                arguments: [phase.rawValue, q.perDay, q.total])
        }
        try db.execute(sql: "DELETE FROM settings WHERE key IN ('quota_day', 'quota_total')")
    }
}
