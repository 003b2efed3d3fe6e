import Foundation
public import SaimaBase
public import SaimaModel

/// Loads `Submissions/<team-id>/submission.yaml` files and checks them against the track registry.
public enum SubmissionLoader {
    static let fields: Set<String> = ["team", "contact", "tracks", "endpoint"]
    static let endpointFields: Set<String> = [
        "base_url", "model", "api_key_env", "max_concurrency", "requests_per_minute", "timeout_seconds",
        "connect_timeout_seconds", "extra_body", "http2", "stream",
    ]

    /// Loads every submission under `root`; throws `DiagnosticsError` listing all problems.
    public static func load(root: String, registry: TrackRegistry?) throws(DiagnosticsError) -> [Submission] {
        var diagnostics: [Diagnostic] = []
        let submissions = load(root: root, registry: registry, diagnostics: &diagnostics)
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return submissions
    }

    /// Loads what it can and appends every problem to `diagnostics`.
    public static func load(root: String, registry: TrackRegistry?, diagnostics: inout [Diagnostic]) -> [Submission] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(path: root, line: 0, message: "submissions folder does not exist"))
            return []
        }
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
        var result: [Submission] = []
        for folder in folders where !folder.hasPrefix(".") {
            let directory = (root as NSString).appendingPathComponent(folder)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                continue
            }
            let path = (directory as NSString).appendingPathComponent("submission.yaml")
            guard FileManager.default.fileExists(atPath: path) else {
                diagnostics.append(Diagnostic(path: directory, line: 0, message: "submission folder has no submission.yaml"))
                continue
            }
            if let s = loadFile(path: path, teamID: folder, registry: registry, diagnostics: &diagnostics) {
                result.append(s)
            }
        }
        // Two ids with one key variable (`a-b`, `a_b` → SAIMA_KEY_A_B) would read each other's keys: refused.
        var byVariable: [String: String] = [:]
        for s in result {
            let variable = EndpointPolicy.keyVariable(team: s.id)
            if let other = byVariable[variable] {
                diagnostics.append(Diagnostic(
                    path: (root as NSString).appendingPathComponent(s.id), line: 0,
                    message: "team ids `\(other)` and `\(s.id)` both map to the key variable \(variable); rename one so that no two teams can read each other's key / 队伍 ID `\(other)` 与 `\(s.id)` 对应同一密钥变量，请改名其一"))
            } else {
                byVariable[variable] = s.id
            }
        }
        return result
    }

    /// Loads one `submission.yaml`; the team id is the folder name.
    public static func loadFile(path: String, teamID: String, registry: TrackRegistry?,
                                diagnostics: inout [Diagnostic]) -> Submission?
    {
        let before = diagnostics.count
        guard let root = YAMLReader(path: path).readDocument(into: &diagnostics),
            let yaml = YAMLMapping(root, path: path, what: "submission.yaml", diagnostics: &diagnostics)
        else { return nil }
        yaml.rejectUnknownKeys(fields, what: "submission.yaml", diagnostics: &diagnostics)
        if !isValidTeamID(teamID) {
            diagnostics.append(
                Diagnostic(path: path, line: 0,
                           message: "team id (folder name) `\(teamID)` must use only a–z, 0–9, `-` and `_`"))
        }
        let team = yaml.localized("team", required: true, diagnostics: &diagnostics)
        let contact = yaml.string("contact", required: false, diagnostics: &diagnostics)
        // Names reach terminals, reports and sheets: no control or direction-changing characters (`ESC]0;…`, OSC 52).
        for (field, value) in [("team", team?.zh), ("team", team?.en), ("contact", contact)] {
            if let value, let bad = value.unicodeScalars.first(where: Self.isUnprintable) {
                diagnostics.append(Diagnostic(
                    path: path, line: yaml.line(of: field),
                    message: "`\(field)` holds the control character U+\(String(bad.value, radix: 16, uppercase: true)); names may hold printable text only / 名称中不得含控制字符"))
            }
        }
        let tracks = yaml.stringList("tracks", diagnostics: &diagnostics)
        if tracks.isEmpty {
            diagnostics.append(Diagnostic(path: path, line: yaml.line(of: "tracks"), message: "`tracks` must list at least one track id"))
        }
        if let registry {
            for trackID in tracks where registry.track(trackID) == nil {
                let known = registry.tracks.map(\.id).joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(path: path, line: yaml.line(of: "tracks"),
                               message: "unknown track `\(trackID)` (no tracks root defines it; known: \(known))"))
            }
        }
        var endpoint: EndpointSettings?
        if let node = yaml["endpoint"] {
            if let m = YAMLMapping(node, path: path, what: "`endpoint`", diagnostics: &diagnostics) {
                endpoint = loadEndpoint(m, team: teamID, diagnostics: &diagnostics)
            }
        } else {
            diagnostics.append(yaml.missing("endpoint"))
        }
        guard diagnostics.count == before, let team, let endpoint else { return nil }
        return Submission(id: teamID, team: team, contact: contact, tracks: tracks, endpoint: endpoint, path: path)
    }

    /// Reads endpoint settings (also used for judge endpoints and round overrides).
    /// An endpoint block; `team` is the submitting team (nil for a round's judge), which fixes the one key
    /// variable it may name (`EndpointPolicy`).
    static func loadEndpoint(_ m: YAMLMapping, team: String?, diagnostics: inout [Diagnostic]) -> EndpointSettings? {
        m.rejectUnknownKeys(endpointFields, what: "`endpoint`", diagnostics: &diagnostics)
        let baseURL = m.string("base_url", required: true, diagnostics: &diagnostics)
        if let baseURL, let problem = EndpointPolicy.urlProblem(baseURL) {
            diagnostics.append(Diagnostic(path: m.path, line: m.line(of: "base_url"), message: problem))
        }
        let model = m.string("model", required: true, diagnostics: &diagnostics)
        let keyEnv = m.string("api_key_env", required: false, diagnostics: &diagnostics)
        if let keyEnv, let problem = EndpointPolicy.keyVariableProblem(keyEnv, team: team) {
            diagnostics.append(Diagnostic(path: m.path, line: m.line(of: "api_key_env"), message: problem))
        }
        let concurrency = m.integer("max_concurrency", default: 4, range: 1...1024, diagnostics: &diagnostics)
        let rpm = m.optionalNumber("requests_per_minute", minimum: 1, maximum: 1_000_000, diagnostics: &diagnostics)
        let timeout = m.number("timeout_seconds", default: 60, minimum: 0.001, maximum: 3600, diagnostics: &diagnostics)
        let connect = m.number(
            "connect_timeout_seconds", default: 10, minimum: 0.001, maximum: 600, diagnostics: &diagnostics)
        var extra: [String: JSONValue] = [:]
        if let node = m["extra_body"] {
            if case .object(let o) = YAMLMapping.json(from: node) {
                extra = o
            } else {
                diagnostics.append(Diagnostic(path: m.path, line: node.line, message: "`extra_body` must be a mapping"))
            }
        }
        let http2 = m.bool("http2", default: false, diagnostics: &diagnostics)
        let stream = m.bool("stream", default: false, diagnostics: &diagnostics)
        guard let baseURL, let model else { return nil }
        return EndpointSettings(
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL, model: model, apiKeyEnv: keyEnv,
            maxConcurrency: concurrency, requestsPerMinute: rpm, timeoutSeconds: timeout,
            connectTimeoutSeconds: connect, extraBody: extra, http2: http2, stream: stream)
    }

    /// Control characters (C0, DEL, C1) and the bidirectional overrides and isolates, which reorder what a reader sees.
    static func isUnprintable(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .control || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    /// Whether `id` is a team id: non-empty, only a–z, 0–9, `-` and `_`.
    public static func isValidTeamID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// Tells an environment variable's name from a secret pasted in its place.
public enum APIKeyEnvCheck {
    /// A message when `value` is not a plausible variable name; it never repeats the value.
    public static func problem(with value: String) -> String? {
        let looksLikeName = value.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        } && !(value.first?.isNumber ?? true)
        let knownKeyPrefixes = ["sk-", "sk_", "pk-", "bearer ", "key-", "ak-", "eyj"]
        let hasKeyPrefix = knownKeyPrefixes.contains { value.lowercased().hasPrefix($0) }
        let digits = value.filter(\.isNumber).count
        let lower = value.filter(\.isLowercase).count
        let looksRandom = value.count >= 24 && digits >= 4 && lower >= 4
        if looksLikeName && !hasKeyPrefix && !looksRandom { return nil }
        return "`api_key_env` must be the NAME of an environment variable (such as TEAM_A_KEY), but this value "
            + "looks like a secret key itself; remove it from the file, rotate the key, and export it as a variable "
            + "instead / api_key_env 应填写环境变量名，而不是密钥本身"
    }
}
