import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SaimaRegistry
import Testing

@testable import SaimaPortal

/// A portal on a temporary state folder with a small tracks root of its own: one track, a dev set and a test set of
/// single-choice items written for these tests (answer A for even items, B for odd ones). bcrypt runs at its
/// lowest cost so that sign-ins stay fast.
struct PortalFixture {
    let state: String
    let tracks: String
    let portal: Portal
    static let secret = "test-secret-0123456789abcdef-0123456789"

    static func items(prefix: String, count: Int) -> [String] {
        (0..<count).map { i in
            #"{"id": "\#(prefix)-\#(i)", "type": "single_choice", "prompt": "第\#(i)题：哪一项是正确的？", "choices": {"A": "甲\#(i)", "B": "乙\#(i)", "C": "丙\#(i)", "D": "丁\#(i)"}, "answer": "\#(i % 2 == 0 ? "A" : "B")"}"#
        }
    }

    /// Open questions with a 10-point rubric, for human judges.
    static func generationItems(count: Int) -> [String] {
        (0..<count).map { i in
            #"{"id": "gen-\#(i)", "type": "generation", "prompt": "请用一句话说明第\#(i)项遗产保护措施。", "answer": "参考答案\#(i)", "rubric": {"criteria": [{"id": "c1", "description": "说明措施", "points": 6}, {"id": "c2", "description": "表述清楚", "points": 4}]}}"#
        }
    }

    init(devItems: Int = 6, testItems: Int = 6, generationItems: Int = 0, state: String? = nil, tracks: String? = nil) throws {
        let base = NSTemporaryDirectory() + "saima-portal-\(UUID().uuidString)"
        self.state = state ?? base + "/state"
        self.tracks = tracks ?? base + "/Tracks"
        if tracks == nil {
            let dir = self.tracks + "/heritage"
            try FileManager.default.createDirectory(atPath: dir + "/questions", withIntermediateDirectories: true)
            try """
                id: heritage
                name: {zh: 文化遗产, en: Heritage}
                question_sets:
                  - id: basics
                    file: questions/basics.jsonl
                    pilot_unit: {zh: 测试单位, en: Test unit}
                    split: dev
                  - id: final
                    file: questions/final.jsonl
                    pilot_unit: {zh: 测试单位, en: Test unit}
                    split: test
                """.write(toFile: dir + "/track.yaml", atomically: true, encoding: .utf8)
            try (Self.items(prefix: "dev", count: devItems).joined(separator: "\n") + "\n")
                .write(toFile: dir + "/questions/basics.jsonl", atomically: true, encoding: .utf8)
            try ((Self.items(prefix: "test", count: testItems) + Self.generationItems(count: generationItems)).joined(separator: "\n") + "\n")
                .write(toFile: dir + "/questions/final.jsonl", atomically: true, encoding: .utf8)
        }
        portal = Portal(
            store: try PortalStore(folder: self.state), secret: try PortalSecret(secret: Self.secret),
            registry: try TrackRegistry.load(roots: [self.tracks]), bcryptCost: 4)
        try portal.ensureOrganizer(username: "organizer", password: "organizer-password")
    }

    /// An approved team whose endpoint passed its check, entered through the portal's logic (not its routes).
    func checkedTeam(_ id: String, endpoint: CountingEndpoint, key: String) async throws {
        let organizer = try #require(try portal.store.verify(username: "organizer", password: "organizer-password"))
        let account = try portal.register(Portal.Registration(
            teamID: id, nameZh: "队\(id)", nameEn: "Team \(id)", organisation: "Org", contact: "c@example.org",
            username: "\(id)-user", password: "\(id)-password", tracks: ["heritage"]))
        try portal.decide(team: id, approve: true, by: organizer)
        let phase = try portal.store.phase()
        try portal.store.setPhase(.dev)
        try await portal.saveEndpoint(team: id, .init(baseURL: endpoint.baseURL, model: "m", apiKey: key, concurrency: "2"), by: account)
        try portal.store.setPhase(phase == .registration ? .dev : phase)
    }

    /// The same state and tracks opened by a new portal (a restarted server).
    func reopened() throws -> PortalFixture { try PortalFixture(state: state, tracks: tracks) }

    /// Runs `body` against the portal's router in process (HummingbirdTesting).
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PortalApplication.router(portal: portal))
        try await app.test(.router) { client in try await body(client) }
    }
}

/// A browser's view of the portal: its cookies, and the CSRF token of the last page it read.
final class Visitor: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""
    /// The bytes of the last response's body (for binary downloads; `body` is text).
    var lastBytes: [UInt8] = []

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await send(uri, method: .get, body: nil)
    }

    /// POSTs form fields, with this visitor's CSRF token unless `csrf` is false.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)] = [], csrf withToken: Bool = true) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        var all = fields
        if withToken { all.append(("csrf", csrf)) }
        let body = all.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        return try await send(uri, method: .post, body: body)
    }

    static func escape(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? s
    }

    func send(_ uri: String, method: HTTPRequest.Method, body: String?) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        if body != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { $0 }
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[1].isEmpty || line.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] }
        }
        lastBytes = Array(buffer: response.body)
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="csrf" value="([^"]+)""#, options: .regularExpression) {
            csrf = String(text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
        }
        return (response.status, text, response.headers)
    }

    /// Signs in (reading the form first for its token); returns the status of the POST.
    @discardableResult
    func signIn(_ user: String, _ password: String) async throws -> HTTPResponse.Status {
        try await get("/login")
        return try await post("/login", [("username", user), ("password", password)]).status
    }

    /// Registers a team with its account and returns the status of the POST.
    @discardableResult
    func register(team: String, zh: String, en: String, user: String, password: String = "team-password-1")
        async throws -> HTTPResponse.Status
    {
        try await get("/register")
        return try await post("/register", [
            ("team_id", team), ("name_zh", zh), ("name_en", en), ("organisation", "测试机构 Test org"),
            ("contact", "\(team)@example.org"), ("tracks", "heritage"), ("username", user), ("password", password),
        ]).status
    }
}
