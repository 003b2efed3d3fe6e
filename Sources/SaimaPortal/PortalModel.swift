package import Foundation
package import SaimaModel

/// The contest's phases, in order. Definitions: **registration** — teams register, nothing runs; **dev** — approved
/// teams enter and change endpoints and run self-tests on the public dev sets within their quota; **test** —
/// submissions are frozen and the organizer runs the official round; **closed** — nothing changes, results are
/// being checked; **published** — the test leaderboard is public.
package enum Phase: String, Sendable, CaseIterable, Codable {
    case registration, dev, test, closed, published

    package var label: String {
        switch self {
        case .registration: "报名 Registration"
        case .dev: "开发集自测 Dev self-tests"
        case .test: "正式测试 Official test"
        case .closed: "已结束 Closed"
        case .published: "已发布 Published"
        }
    }
    /// The phase's place in the contest (registration 0 … published 4).
    package var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    /// Whether self-tests may run in this phase at all (then its quota decides): registration, dev and test.
    var selfTestsPossible: Bool { self == .registration || self == .dev || self == .test }
    /// Whether teams may change their endpoints now.
    package var endpointsOpen: Bool { self == .registration || self == .dev }
}

/// Who a signed-in user is.
package enum Role: String, Sendable, Codable, CaseIterable {
    case organizer, team, judge
}

/// A signed-in user as the portal knows them.
package struct Account: Sendable, Hashable {
    package var id: Int64
    package var username: String
    package var role: Role
    /// The team this account belongs to (team accounts only).
    package var team: String?
}

/// A registered team. Its key is held only sealed (`PortalSecret`) and never leaves the server.
package struct TeamRecord: Sendable, Hashable {
    package enum Status: String, Sendable, Codable { case pending, approved, rejected }
    package var id: String
    package var name: LocalizedText
    package var organisation: String
    package var contact: String
    package var tracks: [String]
    package var status: Status
    package var endpoint: PortalEndpoint?
    package var created: Date
}

/// A team's endpoint as entered in the portal (the key is sealed; `hasKey` says whether one was given).
package struct PortalEndpoint: Sendable, Hashable {
    package var baseURL: String
    package var model: String
    package var concurrency: Int
    package var hasKey: Bool
    /// When the endpoint check last ran, and whether it passed.
    var checkedAt: Date?
    package var checkPassed: Bool?
    /// The check's findings as shown (bilingual lines).
    var checkReport: String?
}

/// One evaluation run launched from the portal.
package struct RunRecord: Sendable, Hashable {
    package enum Kind: String, Sendable, Codable { case selftest, official }
    package enum Status: String, Sendable, Codable { case queued, running, done, failed, interrupted }
    package var id: String
    package var kind: Kind
    /// The team for a self-test; nil for the official round.
    package var team: String?
    package var status: Status
    package var folder: String
    package var started: Date
    package var finished: Date?
    package var error: String?
    /// The phase the run started in (self-tests count against that phase's quota).
    package var phase: Phase?
}

/// One team's score on one track from a finished run, as the dev board shows it.
package struct TrackScore: Sendable, Hashable {
    package var run: String
    package var team: String
    package var track: String
    package var trackName: LocalizedText
    package var score: Double
    package var low: Double
    package var high: Double
    package var items: Int
    package var finished: Date
    /// Rank and rank group from the run's own leaderboard (official runs; nil for self-tests, run one team at a time).
    package var rank: Int?
    package var rankGroup: Int?
}

/// One entry of the audit log: every organizer action, every sign-in, every key change (never the key).
package struct AuditEntry: Sendable, Hashable {
    package var at: Date
    package var actor: String
    package var action: String
    package var detail: String
}
