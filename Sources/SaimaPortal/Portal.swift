package import Foundation
import SaimaModel
package import SaimaPipeline
package import SaimaRegistry
import SaimaRunner
import Synchronization

/// The contest service's logic, with no HTTP in it: registration and approval, endpoints (key sealed, checked on
/// saving), self-tests and the official round through the same pipeline as the command line, phases, quotas and
/// the audit log. Routes call it after checking who is signed in; it checks what the phase and the team's state
/// allow.
package final class Portal: Sendable {
    package let store: PortalStore
    let secret: PortalSecret
    package let registry: TrackRegistry
    package let progress = RunProgressBoard()
    package let limiter = LoginLimiter()
    /// bcrypt's work factor (12 in service; tests lower it).
    package let bcryptCost: UInt8
    /// Runs of this process, so that shutdown can stop them (their finished results stay stored).
    let tasks = Mutex<[String: Task<Void, Never>]>([:])
    /// The public boards' body and the state generation it was built from (`BoardPage`).
    let boardCache = Mutex<(generation: UInt64, body: String)?>(nil)
    /// Where runs' synchronous phases (planning, scoring, boards, reports) and judges' imports (each re-scores its
    /// run) run: on threads of their own, as many at once as there are cores but one, never on the cooperative
    /// threads that serve pages.
    let blocking = BlockingWork.queue(label: "saima.portal.runs")
    /// The drain signals of this process's runs (graceful stop).
    let drains = Mutex<[String: DrainSignal]>([:])

    package init(store: PortalStore, secret: PortalSecret, registry: TrackRegistry, bcryptCost: UInt8 = 12) {
        self.store = store
        self.secret = secret
        self.registry = registry
        self.bcryptCost = bcryptCost
    }

    /// Creates the organizer account when no organizer exists yet (first start); an existing one is left alone.
    package func ensureOrganizer(username: String, password: String) throws {
        guard try !store.hasAccount(role: .organizer) else { return }
        try store.createAccount(username: username, password: password, role: .organizer, team: nil, cost: bcryptCost)
        try store.audit(actor: "server", action: "organizer created 创建组织方账号", detail: username)
    }

    /// Moves the phase forward to what the schedule says at `now` (never back: an organizer who moved on by hand
    /// stays ahead), audited; returns the new phase, or nil when nothing moved.
    @discardableResult
    package func advanceBySchedule(now: Date = Date()) throws -> Phase? {
        guard let due = try store.scheduledPhase(at: now), case let current = try store.phase(), due.order > current.order
        else { return nil }
        try store.setPhase(due)
        try store.audit(actor: "schedule 赛程", action: "phase set 设置阶段", detail: "\(current.rawValue) → \(due.rawValue)")
        return due
    }

    /// Sets the organizer's password from the server (`--reset-organizer-password`), audited.
    package func resetOrganizer(username: String, password: String) throws {
        try store.setOrganizerPassword(username: username, password: password, cost: bcryptCost)
        try store.audit(actor: "server", action: "password reset 重置密码", detail: "\(username): set from the server's command line")
    }

    // MARK: teams

    /// The registration form's fields.
    package struct Registration: Sendable {
        package var teamID, nameZh, nameEn, organisation, contact, username, password: String
        package var tracks: [String]
        package init(teamID: String, nameZh: String, nameEn: String, organisation: String, contact: String,
                     username: String, password: String, tracks: [String]) {
            (self.teamID, self.nameZh, self.nameEn, self.organisation, self.contact) = (teamID, nameZh, nameEn, organisation, contact)
            (self.username, self.password, self.tracks) = (username, password, tracks)
        }
    }

    /// Registers a pending team with its account. Allowed in the registration and dev phases.
    package func register(_ r: Registration) throws -> Account {
        guard [.registration, .dev].contains(try store.phase()) else {
            throw PortalError.phase("报名已截止。Registration is closed.")
        }
        try PortalForm.checkTeamID(r.teamID)
        let known = Set(registry.tracks.map(\.id))
        let tracks = r.tracks.filter(known.contains)
        guard !tracks.isEmpty, tracks.count == r.tracks.count else {
            throw PortalError.invalid("请选择至少一个已有赛道。Choose at least one of the contest's tracks.")
        }
        let team = TeamRecord(
            id: r.teamID,
            name: LocalizedText(
                zh: try PortalForm.text(r.nameZh, field: "队名（中文）Team name (Chinese)", limit: 80),
                en: try PortalForm.text(r.nameEn, field: "队名（英文）Team name (English)", limit: 80)),
            organisation: try PortalForm.text(r.organisation, field: "单位 Organisation", limit: 120),
            contact: try PortalForm.text(r.contact, field: "联系方式 Contact", limit: 120),
            tracks: tracks, status: .pending, endpoint: nil, created: Date())
        let account = try store.register(team, username: r.username, password: r.password, cost: bcryptCost)
        try store.audit(actor: r.username, action: "team registered 队伍报名", detail: team.id)
        return account
    }

    /// The organizer approves or rejects a team.
    package func decide(team: String, approve: Bool, by organizer: Account) throws {
        try store.setStatus(team: team, approve ? .approved : .rejected)
        try store.audit(actor: organizer.username, action: approve ? "team approved 批准队伍" : "team rejected 拒绝队伍", detail: team)
    }

    /// The endpoint form's fields; an empty key keeps the stored one.
    package struct EndpointForm: Sendable {
        package var baseURL, model, apiKey: String
        package var concurrency: String
        package init(baseURL: String, model: String, apiKey: String, concurrency: String) {
            (self.baseURL, self.model, self.apiKey, self.concurrency) = (baseURL, model, apiKey, concurrency)
        }
    }

    /// Saves an approved team's endpoint (the key sealed, never shown again) and runs the endpoint check, whose
    /// findings are recorded and returned. Refused once submissions are frozen.
    @discardableResult
    package func saveEndpoint(team id: String, _ form: EndpointForm, by account: Account) async throws -> [EndpointCheck.Finding] {
        guard try store.phase().endpointsOpen else {
            throw PortalError.phase("正式测试阶段接口已冻结。Submissions are frozen in the test phase.")
        }
        guard let team = try store.team(id), team.status == .approved else {
            throw PortalError.forbidden("队伍尚未获批。The team is not approved yet.")
        }
        let base = form.baseURL.trimmingCharacters(in: .whitespaces)
        try PortalForm.checkBaseURL(base)
        let model = try PortalForm.text(form.model, field: "模型名 Model", limit: 120)
        let concurrency = try PortalForm.integer(form.concurrency, field: "并发数 Concurrency", in: 1...64)
        let key = form.apiKey.trimmingCharacters(in: .whitespacesAndNewlines)
        guard key.utf8.count <= 512, !key.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) else {
            throw PortalError.invalid("API 密钥过长或含空白/控制字符。The API key is too long or contains spaces or control characters.")
        }
        try store.saveEndpoint(
            team: id, baseURL: base, model: model, concurrency: concurrency,
            sealedKey: key.isEmpty ? nil : try secret.seal(key, team: id))
        try store.audit(
            actor: account.username, action: "endpoint saved 保存接口",
            detail: "\(id): \(base) \(model) ×\(concurrency)\(key.isEmpty ? "" : ", new key 新密钥")")
        let findings = await EndpointCheck.run(
            endpoint: EndpointSettings(baseURL: base, model: model, maxConcurrency: concurrency),
            apiKey: try storedKey(team: id), stream: false)
        let passed = !findings.contains { $0.level == .error }
        try store.recordCheck(team: id, passed: passed, report: findings.map(\.line).joined(separator: "\n"))
        return findings
    }

    /// The team's key, opened from its sealed form (memory only).
    func storedKey(team: String) throws -> String? {
        try store.sealedKey(team: team).map { try secret.open($0, team: team) }
    }

    /// The tracks a team entered that exist in this registry.
    func tracks(of team: TeamRecord) -> [Track] { registry.tracks.filter { team.tracks.contains($0.id) } }

    /// The submission a team's portal entry stands for (the key variable named `SAIMA_KEY_<TEAM>`, as the keys file
    /// and the export use).
    func submission(_ team: TeamRecord) -> Submission? {
        guard let e = team.endpoint else { return nil }
        return Submission(
            id: team.id, team: team.name, contact: team.contact, tracks: team.tracks,
            endpoint: EndpointSettings(
                baseURL: e.baseURL, model: e.model, apiKeyEnv: e.hasKey ? EndpointPolicy.keyVariable(team: team.id) : nil,
                maxConcurrency: e.concurrency),
            path: "portal:\(team.id)")
    }
}
