import Foundation
import GRDB
import HTTPTypes
import SaimaModel
import Testing

@testable import SaimaPortal

/// The schedule and per-phase self-test quotas: quotas count the self-tests a team started in the current phase
/// (per UTC day and in the phase), a phase with a total of 0 allows none, closed and published never do; the
/// schedule refuses dates out of order, moves the phase forward when a start passes and never back; a v3 state keeps
/// its old quota as the dev phase's.
@Suite("Portal schedule and quotas", .serialized)
struct PortalScheduleTests {
    static let key = "sk-schedule-0123456789"

    func plans(_ starts: [Phase: Date] = [:], _ quotas: [Phase: PortalStore.Quota] = [:]) -> [PortalStore.PhasePlan] {
        Phase.allCases.map { PortalStore.PhasePlan(phase: $0, starts: starts[$0], quota: quotas[$0] ?? .none) }
    }

    @Test func quotasCountPerPhaseAndPerDay() async throws {
        let fixture = try PortalFixture()
        let portal = fixture.portal
        let endpoint = try await CountingEndpoint.start(key: Self.key)
        try await fixture.checkedTeam("alpha", endpoint: endpoint, key: Self.key)
        let account = try #require(try portal.store.verify(username: "alpha-user", password: "alpha-password"))
        try portal.store.setSchedule(plans([:], [.dev: .init(perDay: 1, total: 3), .test: .init(perDay: 1, total: 1)]))

        try portal.store.setPhase(.dev)
        let first = try portal.launchSelfTest(team: "alpha", by: account)
        await portal.wait(run: first.id)
        #expect(try portal.store.run(first.id)?.phase == .dev)
        #expect(throws: PortalError.self, "a second self-test the same day is over the dev phase's daily quota") {
            try portal.launchSelfTest(team: "alpha", by: account)
        }
        #expect(try portal.store.selfTestsUsed(team: "alpha", phase: .dev) == (1, 1))

        try portal.store.setPhase(.test)
        let inTest = try portal.launchSelfTest(team: "alpha", by: account)
        await portal.wait(run: inTest.id)
        #expect(try portal.store.run(inTest.id)?.status == .done, "the test phase has a quota of its own")
        #expect(try portal.store.selfTestsUsed(team: "alpha", phase: .test) == (1, 1))

        for phase in [Phase.registration, .closed, .published] {
            try portal.store.setPhase(phase)
            do {
                _ = try portal.launchSelfTest(team: "alpha", by: account)
                Issue.record("a self-test started in \(phase)")
            } catch let error as PortalError {
                guard case .phase = error else { Issue.record("\(phase): \(error)"); continue }
            }
        }
        #expect(endpoint.questionCounts.values.allSatisfy { $0 == 2 }, "two self-tests ran, each item asked once per run")
    }

    @Test func theDailyQuotaResetsAtUTCMidnightAndThePhaseTotalHolds() throws {
        let fixture = try PortalFixture()
        let store = fixture.portal.store
        _ = try store.register(
            TeamRecord(id: "beta", name: .init(zh: "贝", en: "Beta"), organisation: "o", contact: "c", tracks: ["heritage"],
                       status: .approved, endpoint: nil, created: Date()),
            username: "beta-user", password: "beta-password", cost: 4)
        try store.setSchedule(plans([:], [.dev: .init(perDay: 2, total: 3)]))
        try store.setPhase(.dev)
        let day1 = Date(timeIntervalSince1970: 1_800_000_000 - 1_800_000_000.truncatingRemainder(dividingBy: 86_400) + 3600)
        func run(_ n: Int, _ at: Date) -> RunRecord {
            RunRecord(id: "r\(n)", kind: .selftest, team: "beta", status: .queued, folder: "/nowhere", started: at, phase: .dev)
        }
        func start(_ n: Int, at now: Date) throws {
            try store.startRun(run(n, now), limited: true, now: now)
            try store.setRunStatus("r\(n)", .done)
        }
        try start(1, at: day1)
        #expect(throws: PortalError.self, "no second self-test while one is queued") {
            try store.startRun(run(9, day1), limited: true, now: day1)
            try store.startRun(run(10, day1), limited: true, now: day1)
        }
        try store.setRunStatus("r9", .done)
        #expect(throws: PortalError.self, "two started today: the daily quota is used") { try start(2, at: day1.addingTimeInterval(60)) }
        let day2 = day1.addingTimeInterval(86_400 - 3600)  // 00:00 UTC the next day
        try start(3, at: day2)
        #expect(throws: PortalError.self, "three in the phase: its total is used") { try start(4, at: day2.addingTimeInterval(60)) }
    }

    @Test func aScheduleOutOfOrderOrOverItsBoundsIsRefused() throws {
        let store = try PortalFixture().portal.store
        let t = Date(timeIntervalSince1970: 1_900_000_000)
        #expect(throws: PortalError.self) { try store.setSchedule(plans([.dev: t, .test: t])) }
        #expect(throws: PortalError.self) { try store.setSchedule(plans([.dev: t, .test: t.addingTimeInterval(-1)])) }
        #expect(throws: PortalError.self) { try store.setSchedule(plans([:], [.dev: .init(perDay: 5, total: 2)])) }
        #expect(throws: PortalError.self) { try store.setSchedule(plans([:], [.closed: .init(perDay: 1, total: 1)])) }
        #expect(throws: PortalError.self) { try store.setSchedule(Array(plans().reversed())) }
        try store.setSchedule(plans([.dev: t, .closed: t.addingTimeInterval(86_400)], [.dev: .init(perDay: 2, total: 9)]))
        #expect(try store.schedule().map(\.starts) == [nil, t, nil, t.addingTimeInterval(86_400), nil])
        #expect(try store.quota(for: .dev) == .init(perDay: 2, total: 9))
        #expect(try store.quota(for: .published) == .none)
        #expect(SchedulePage.parseInput("2031-03-04T05:06") == ISO8601DateFormatter().date(from: "2031-03-04T05:06:00Z"))
        for bad in ["2031-13-04T05:06", "tomorrow", "1970-01-01T00:00", "2031-03-04T05:06:00+08:00"] {
            #expect(SchedulePage.parseInput(bad) == nil, "\(bad)")
        }
    }

    @Test func theScheduleMovesThePhaseForwardOnly() throws {
        let portal = try PortalFixture().portal
        let now = Date()
        try portal.store.setSchedule(plans([.dev: now.addingTimeInterval(-7200), .test: now.addingTimeInterval(-60),
                                            .closed: now.addingTimeInterval(3600)]))
        #expect(try portal.advanceBySchedule(now: now) == .test, "the latest start that passed wins")
        #expect(try portal.store.phase() == .test)
        #expect(try portal.store.auditLog().first?.detail == "registration → test")
        #expect(try portal.advanceBySchedule(now: now) == nil, "nothing moves twice")
        try portal.store.setPhase(.published)
        #expect(try portal.advanceBySchedule(now: now.addingTimeInterval(7200)) == nil, "never back from a later phase")
        #expect(try portal.store.phase() == .published)
    }

    @Test func anOlderStateKeepsItsQuotaAsTheDevPhases() throws {
        let folder = NSTemporaryDirectory() + "saima-portal-v3-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let queue = try DatabaseQueue(path: folder + "/portal.sqlite")
            try PortalStore.migrator.migrate(queue, upTo: "v3-votes")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('quota_day', '5'), ('quota_total', '9'), ('phase', 'dev')")
                try db.execute(sql: "INSERT INTO runs (id, kind, team, status, folder, started) VALUES ('old', 'selftest', 't', 'done', '/x', 1)")
            }
        }
        let store = try PortalStore(folder: folder)
        #expect(try store.quota(for: .dev) == .init(perDay: 5, total: 9))
        #expect(try store.quota(for: .test) == .none)
        #expect(try store.run("old")?.phase == .dev, "an old self-test counts against the dev phase")
        #expect(try store.phase() == .dev)
    }
}
